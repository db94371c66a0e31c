import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { findInterpreters, pickInterpreter } from "./interpreters";
import { parseSpecifier } from "./python-specifier";
import { readRequiresPython, requiresPythonFromToml } from "./requires-python";

const root = mkdtempSync(path.join(os.tmpdir(), "interpreters-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("PEP 440 specifiers", () => {
  const ok = (spec: string, version: string) => parseSpecifier(spec)(version.split(".").map(Number));
  it.each([
    [">=3.12", "3.12.0", true],
    [">=3.12", "3.11.9", false],
    [">=3.10,<3.13", "3.12.7", true],
    [">=3.10,<3.13", "3.13.0", false],
    ["~=3.11", "3.13.1", true],
    ["~=3.11", "3.10.4", false],
    ["~=3.11.2", "3.11.9", true],
    ["~=3.11.2", "3.12.0", false],
    ["==3.12.*", "3.12.9", true],
    ["==3.12.*", "3.13.0", false],
    ["==3.12", "3.12.0", true],
    ["==3.12", "3.12.1", false],
    ["!=3.11.*", "3.11.5", false],
    [" >= 3.9 , != 3.10.* ", "3.12.1", true],
  ])("%s on %s → %s", (spec, version, expected) => expect(ok(spec, version)).toBe(expected));

  it("refuses what it cannot read", () => {
    for (const bad of [">=3.12a1", "3.12", ">=3.*", "~=3", "=>3.10"]) expect(() => parseSpecifier(bad)).toThrow();
  });
});

describe("interpreters on this machine", () => {
  it("finds several real interpreters, including one ≥ 3.12, each once, newest first", async () => {
    const found = await findInterpreters();
    expect(found.some((i) => i.parts[0] === 3 && i.parts[1] >= 12)).toBe(true);
    expect(new Set(found.map((i) => i.path)).size).toBe(found.length);
    const versions = found.map((i) => i.parts);
    expect([...versions].sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2])).toEqual(versions);
    expect(found.every((i) => !i.path.includes("/shims/"))).toBe(true); // shims resolve to the real executable
  });

  it("picks the newest that satisfies the specifier", async () => {
    const found = await findInterpreters();
    const picked = await pickInterpreter(">=3.10,<3.13");
    expect(picked.parts[1]).toBe(Math.max(...found.filter((i) => i.parts[1] >= 10 && i.parts[1] < 13).map((i) => i.parts[1])));
    expect((await pickInterpreter("==3.12.*")).version).toMatch(/^3\.12\./);
    expect((await pickInterpreter()).version).toBe(found[0].version);
  });

  it("refuses with no_python, naming what was asked and what was found", async () => {
    const error = await pickInterpreter(">=4.0").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("no_python");
    expect((error as AppError).message).toMatch(/">=4.0".*Found: .*3\.12\./);
  });

  it("adds PYTHON_INTERPRETERS and skips what does not run", async () => {
    const broken = path.join(root, "python-broken");
    writeFileSync(broken, "#!/bin/sh\nexit 1\n", { mode: 0o755 });
    const found = await findInterpreters({ PATH: "", PYENV_ROOT: path.join(root, "none"), PYTHON_INTERPRETERS: `/usr/bin/python3:${broken}` });
    expect(found.map((i) => i.path)).toEqual(["/usr/bin/python3"]);
  });
});

describe("readRequiresPython", () => {
  it("prefers config.yaml's requires.python, then pyproject's [project] requires-python", async () => {
    const dir = mkdtempSync(path.join(root, "plugin-"));
    expect(await readRequiresPython(dir)).toBeUndefined();
    writeFileSync(path.join(dir, "pyproject.toml"), `[tool.x]\nrequires-python = "==2.7"\n\n[project]\nname = "p"\nrequires-python = '>=3.11'\n`);
    expect(await readRequiresPython(dir)).toBe(">=3.11");
    writeFileSync(path.join(dir, "config.yaml"), "name: p\nrequires:\n  python: '>=3.12'\n");
    expect(await readRequiresPython(dir)).toBe(">=3.12");
  });

  it("reads only the [project] table", () => {
    expect(requiresPythonFromToml(`[tool.poetry]\nrequires-python = ">=3.8"\n`)).toBeUndefined();
  });
});
