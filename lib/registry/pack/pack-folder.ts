// Builds a plugin zip from a folder, byte-for-byte reproducible: sorted entries, fixed timestamps
// and modes, and the Synapse SDK's default excludes. Used by the seed, tests and benchmarks.
import { createWriteStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";

const EXCLUDED_DIRS = new Set([
  "__pycache__",
  ".venv",
  "venv",
  ".git",
  "dist",
  "build",
  "node_modules",
  ".mypy_cache",
  ".pytest_cache",
  ".ruff_cache",
  ".idea",
  ".vscode",
]);
const EXCLUDED_FILES = [/\.py[co]$/, /\.log$/, /^\.DS_Store$/];
const FIXED_MTIME = new Date("2020-01-01T00:00:00Z");

export async function listPluginFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(relative: string): Promise<void> {
    const entries = await readdir(path.join(folder, relative), { withFileTypes: true });
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!EXCLUDED_DIRS.has(entry.name)) await walk(child);
      } else if (entry.isFile() && !EXCLUDED_FILES.some((pattern) => pattern.test(entry.name))) {
        found.push(child);
      }
    }
  }
  await walk("");
  return found.sort();
}

/** Writes `folder` as a zip at `target`, its files inside one top-level folder named `topLevel`. */
export async function packFolder(folder: string, target: string, topLevel = path.basename(folder)): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const file of await listPluginFiles(folder)) {
    zip.addFile(path.join(folder, file), `${topLevel}/${file}`, { mtime: FIXED_MTIME, mode: 0o100644 });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(target));
}
