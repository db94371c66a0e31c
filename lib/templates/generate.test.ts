import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CATEGORIES } from "@/lib/registry/config/categories";
import { parseConfig } from "@/lib/registry/config/parse-config";
import { inspectArchive } from "@/lib/registry/inspect-archive";
import { TEMPLATE_ACTIONS } from "./actions";
import { generatePlugin, generatePluginZip } from "./generate";
import { TEMPLATE_RUNTIMES } from "./schemas";
import { FolderNotEmptyError, writeTemplate } from "./write-template";

const scratch = mkdtempSync(path.join(os.tmpdir(), "templates-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const LIMITS = { maxBytes: 1 << 30, maxUncompressedBytes: 1 << 30, maxEntries: 1000, maxRatio: 100, maxDepth: 32 };
const LAYOUT = ["config.yaml", "README.md", "requirements.txt", "pyproject.toml", ".gitignore", ".synapseignore", "plugin/__init__.py"];
const cases = CATEGORIES.flatMap((category) => TEMPLATE_RUNTIMES.map((runtime) => [category, runtime] as const));

describe("plugin templates", () => {
  it.each(cases)("%s on the %s runtime: the registry's validator accepts its config, every action has its module", (category, runtime) => {
    const { files, variables } = generatePlugin({
      name: `Tricky: "name" # ${category}`,
      version: "0.3.0-rc.1",
      category,
      description: "Says: hi | there",
      runtime,
    });
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(LAYOUT));
    const config = parseConfig(files.find((f) => f.path === "config.yaml")!.content);
    if (!config.ok) throw new Error(JSON.stringify(config.errors));
    expect(config.config).toMatchObject({ name: variables.name, code: variables.code, version: "0.3.0-rc.1", category, description: "Says: hi | there" });
    const expected = TEMPLATE_ACTIONS[category];
    expect(Object.keys(config.config.actions)).toEqual(expected.map((a) => a.name));
    for (const [name, action] of Object.entries(config.config.actions)) {
      const modulePath = action.entrypoint.split(/[.:]/).slice(0, -1).join("/");
      expect(paths, `${name}'s entrypoint ${action.entrypoint}`).toContain(`${modulePath}.py`);
      expect(action.method).toBe(expected.find((a) => a.name === name)!.method);
    }
    const requirements = files.find((f) => f.path === "requirements.txt")!.content;
    expect(/synapse-sdk==/.test(requirements)).toBe(runtime === "sdk");
    expect(config.config.package_manager).toBe(runtime === "sdk" ? "uv" : "pip");
  });

  it("generates Python that parses, for every category and runtime", () => {
    const sources = cases.flatMap(([category, runtime]) =>
      generatePlugin({ name: "P", version: "1.0.0", category, description: 'd "quoted" \\ back', runtime })
        .files.filter((f) => f.path.endsWith(".py"))
        .map((f) => ({ name: `${category}/${runtime}/${f.path}`, source: f.content })),
    );
    const file = path.join(scratch, "sources.json");
    writeFileSync(file, JSON.stringify(sources));
    const check =
      "import ast, json, sys\nfor s in json.load(open(sys.argv[1])):\n    ast.parse(s['source'], s['name'])\nprint(len(json.load(open(sys.argv[1]))))";
    const result = spawnSync("python3", ["-c", check, file], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(Number(result.stdout)).toBe(sources.length);
  });

  it("derives the code from the name, and refuses variables the registry would refuse, naming each field", () => {
    expect(generatePlugin({ name: "My Great Tool", version: "1.0.0", category: "custom", description: "x" }).variables).toMatchObject({
      code: "my-great-tool",
      runtime: "hub",
    });
    const errors = (() => {
      try {
        generatePlugin({ name: "", code: "Bad Code", version: "1.0", category: "robots" as never, description: " ", runtime: "java" as never });
      } catch (error) {
        return (error as { issues: { path: string[] }[] }).issues.map((i) => i.path.join("."));
      }
    })();
    expect(errors?.sort()).toEqual(["category", "code", "description", "name", "runtime", "version"]);
    expect(() => generatePlugin({ name: "!!!", version: "1.0.0", category: "custom", description: "x" })).toThrow(/derived from the name/);
  });

  it("zips the files inside one folder named after the code, the same bytes every time", async () => {
    const input = { name: "Zipped", version: "1.2.3", category: "export", description: "x" } as const;
    const first = await generatePluginZip(input);
    expect(first.filename).toBe("zipped-1.2.3.zip");
    expect((await generatePluginZip(input)).zip.equals(first.zip)).toBe(true);
    const archive = path.join(scratch, first.filename);
    writeFileSync(archive, first.zip);
    // What the registry reads from an upload: the config inside the single top-level folder, the README.
    const inspected = await inspectArchive(archive, first.zip.length, LIMITS);
    expect(inspected.config).toMatchObject({ code: "zipped", version: "1.2.3", category: "export" });
    expect(inspected.readme).toContain("# Zipped");
  });

  it("writes into a new or empty folder, and never into one that holds anything", async () => {
    const { files } = generatePlugin({ name: "W", version: "1.0.0", category: "custom", description: "x" });
    const folder = path.join(scratch, "new", "plugin");
    expect(await writeTemplate(folder, files)).toContain("plugin/run.py");
    await expect(writeTemplate(folder, files)).rejects.toBeInstanceOf(FolderNotEmptyError);
  });
});
