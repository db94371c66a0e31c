import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ArchiveLimits } from "@/lib/registry/archive/limits";
import { packFolder } from "@/lib/registry/pack/pack-folder";
import { extractVersion } from "./extract-version";

const LIMITS: ArchiveLimits = { maxBytes: 1 << 30, maxUncompressedBytes: 64 << 20, maxEntries: 50, maxRatio: 100, maxDepth: 16 };
const root = mkdtempSync(path.join(os.tmpdir(), "extract-version-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function pluginFolder(name: string): string {
  const dir = path.join(root, "src", name);
  mkdirSync(path.join(dir, "pkg"), { recursive: true });
  writeFileSync(
    path.join(dir, "config.yaml"),
    `name: ${name}\nversion: 1.0.0\ncategory: custom\ndescription: d\nactions:\n  run:\n    entrypoint: pkg.main.run\n`,
  );
  writeFileSync(path.join(dir, "pkg", "__init__.py"), "");
  writeFileSync(path.join(dir, "pkg", "main.py"), "def run(params, ctx):\n    return {'ok': True}\n");
  writeFileSync(path.join(dir, "run.sh"), "#!/bin/sh\necho hi\n", { mode: 0o755 });
  return dir;
}

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const versions = path.join(root, "data");
const list = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

describe("extractVersion", () => {
  it("unpacks a zip whose plugin sits in one top-level folder into <root>/versions/<sha256>, stripping that folder", async () => {
    const archive = path.join(root, "a.zip");
    await packFolder(pluginFolder("zipped"), archive, "zipped-1.0.0");
    const hash = sha256(archive);
    const folder = await extractVersion({ blobPath: archive, sha256: hash, format: "zip", root: versions, limits: LIMITS });
    expect(folder).toBe(path.join(versions, "versions", hash));
    expect(list(folder)).toEqual(["config.yaml", "pkg/__init__.py", "pkg/main.py", "run.sh"]);
    expect(readFileSync(path.join(folder, "pkg", "main.py"), "utf8")).toContain("def run(params, ctx)");
  });

  it("unpacks a .tar.gz with the config at its root once, keeps executable bits, and ignores __MACOSX", async () => {
    const src = pluginFolder("tarred");
    mkdirSync(path.join(src, "__MACOSX"));
    writeFileSync(path.join(src, "__MACOSX", "._config.yaml"), "junk");
    const archive = path.join(root, "b.tar.gz");
    execFileSync("tar", ["-czf", archive, "-C", src, "config.yaml", "pkg", "run.sh"]);
    const hash = sha256(archive);
    const options = { blobPath: archive, sha256: hash, root: versions, limits: LIMITS };
    const [first, ...others] = await Promise.all([1, 2, 3, 4].map(() => extractVersion(options)));
    expect(others.every((folder) => folder === first)).toBe(true);
    expect(list(first)).toEqual(["config.yaml", "pkg/__init__.py", "pkg/main.py", "run.sh"]);
    expect(statSync(path.join(first, "run.sh")).mode & 0o111).not.toBe(0);
    expect(statSync(path.join(first, "pkg", "main.py")).mode & 0o111).toBe(0);
    const made = statSync(path.join(first, "config.yaml")).mtimeMs;
    await extractVersion(options); // already there: not unpacked again
    expect(statSync(path.join(first, "config.yaml")).mtimeMs).toBe(made);
    expect(readdirSync(path.join(versions, "versions")).filter((name) => name.includes(".tmp-"))).toEqual([]);
  });

  it("refuses bytes that do not match their sha256, and leaves no folder", async () => {
    const archive = path.join(root, "c.zip");
    await packFolder(pluginFolder("damaged"), archive);
    const wrong = "0".repeat(64);
    await expect(extractVersion({ blobPath: archive, sha256: wrong, root: versions, limits: LIMITS })).rejects.toThrow(/damaged/);
    expect(readdirSync(path.join(versions, "versions")).some((name) => name.startsWith(wrong))).toBe(false);
  });
});
