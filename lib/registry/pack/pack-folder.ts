// Builds a plugin zip from a folder, byte-for-byte reproducible: sorted entries, fixed timestamps
// and modes. Honours .gitignore and .synapseignore (at the plugin root) on top of the Synapse SDK's
// usual excludes. Used by the CLI, the seed, tests and benchmarks.
import { createWriteStream } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import ignore, { type Ignore } from "ignore";
import yazl from "yazl";

export const DEFAULT_EXCLUDES = [
  ".git/",
  ".hg/",
  ".svn/",
  "__pycache__/",
  "*.py[cod]",
  ".venv/",
  "venv/",
  "env/",
  "node_modules/",
  "dist/",
  "build/",
  "*.egg-info/",
  ".eggs/",
  ".mypy_cache/",
  ".pytest_cache/",
  ".ruff_cache/",
  ".tox/",
  ".cache/",
  ".ipynb_checkpoints/",
  ".idea/",
  ".vscode/",
  "*.log",
  ".DS_Store",
  "Thumbs.db",
  "*.swp",
];

const IGNORE_FILES = [".gitignore", ".synapseignore"];
const FIXED_MTIME = new Date("2020-01-01T00:00:00Z");

async function rulesFor(folder: string): Promise<Ignore> {
  const rules = ignore().add(DEFAULT_EXCLUDES);
  for (const name of IGNORE_FILES) {
    const text = await readFile(path.join(folder, name), "utf8").catch(() => "");
    rules.add(text);
  }
  return rules;
}

/** The files that go into the archive, as sorted paths relative to `folder`. */
export async function listPluginFiles(folder: string): Promise<string[]> {
  const rules = await rulesFor(folder);
  const found: string[] = [];
  async function walk(relative: string): Promise<void> {
    const entries = await readdir(path.join(folder, relative), { withFileTypes: true });
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!rules.ignores(`${child}/`)) await walk(child);
      } else if (entry.isFile() && !rules.ignores(child)) {
        found.push(child);
      }
    }
  }
  await walk("");
  return found.sort();
}

/** Writes `folder` as a zip at `target`, its files inside one top-level folder named `topLevel`. */
export async function packFolder(folder: string, target: string, topLevel = path.basename(path.resolve(folder))): Promise<string[]> {
  const files = await listPluginFiles(folder);
  const zip = new yazl.ZipFile();
  for (const file of files) {
    zip.addFile(path.join(folder, file), `${topLevel}/${file}`, { mtime: FIXED_MTIME, mode: 0o100644 });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(target));
  return files;
}
