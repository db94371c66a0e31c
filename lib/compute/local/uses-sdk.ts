import "server-only";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Whether a plugin folder brings the real Synapse SDK, and so runs under the SDK's own runner: its
 * requirements name `synapse-sdk` (any spelling PEP 503 normalises to it, with extras, specifiers or a
 * URL), or one of its Python files imports `synapse_sdk`.
 */
export async function usesSdk(folder: string): Promise<boolean> {
  const requirements = await readFile(path.join(folder, "requirements.txt"), "utf8").catch(() => null);
  if (requirements !== null && requirementsNameSdk(requirements)) return true;
  for await (const file of pythonFiles(folder)) {
    if (importsSdk(await readFile(file, "utf8").catch(() => ""))) return true;
  }
  return false;
}

const SDK = "synapse-sdk";
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
const SKIPPED_DIRS = new Set(["__pycache__", ".git", ".venv", "venv", "node_modules"]);

/** PEP 503: names compare lower-cased, with runs of "-", "_" and "." as one "-". */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

export function requirementsNameSdk(text: string): boolean {
  return text.split(/\r?\n/).some((raw) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (line === "" || line.startsWith("-")) return false; // options and nested files (-r, -e, --index-url)
    const name = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(line)?.[1];
    return name !== undefined && normalizeName(name) === SDK;
  });
}

export function importsSdk(source: string): boolean {
  return /^[ \t]*(?:from[ \t]+synapse_sdk(?:[ \t.]|$)|import[ \t]+(?:[\w.]+[ \t]*(?:as[ \t]+\w+[ \t]*)?,[ \t]*)*synapse_sdk\b)/m.test(source);
}

async function* pythonFiles(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) yield* pythonFiles(full);
    else if (entry.isFile() && entry.name.endsWith(".py") && (await stat(full)).size <= MAX_SOURCE_BYTES) yield full;
  }
}
