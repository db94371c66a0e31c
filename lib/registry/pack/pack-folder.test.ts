import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listPluginFiles, packFolder } from "./pack-folder";

const root = mkdtempSync(path.join(os.tmpdir(), "pack-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(root, "plugin-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), content);
  }
  return folder;
}

describe("packFolder", () => {
  it("leaves out the SDK's default excludes, .gitignore and .synapseignore matches", async () => {
    const folder = tree({
      "config.yaml": "x",
      "plugin/main.py": "x",
      "plugin/__pycache__/main.cpython-311.pyc": "x",
      "plugin/old.pyc": "x",
      ".venv/lib/site.py": "x",
      ".git/HEAD": "x",
      "node_modules/a/index.js": "x",
      "dist/p.whl": "x",
      "train.log": "x",
      "data/big.bin": "x",
      "notes/draft.md": "x",
      ".gitignore": "data/\n",
      ".synapseignore": "notes/\n!plugin/keep.log\n",
      "plugin/keep.log": "x",
    });
    // `!plugin/keep.log` in .synapseignore re-includes one file the default `*.log` rule left out.
    expect(await listPluginFiles(folder)).toEqual([".gitignore", ".synapseignore", "config.yaml", "plugin/keep.log", "plugin/main.py"]);
  });

  it("is reproducible: the same folder gives the same bytes", async () => {
    const folder = tree({ "config.yaml": "name: x\n", "plugin/a.py": "print(1)\n" });
    await packFolder(folder, path.join(root, "one.zip"), "p");
    await new Promise((resolve) => setTimeout(resolve, 20));
    await packFolder(folder, path.join(root, "two.zip"), "p");
    expect(readFileSync(path.join(root, "one.zip")).equals(readFileSync(path.join(root, "two.zip")))).toBe(true);
  });
});
