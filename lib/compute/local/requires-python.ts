import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";

/**
 * The Python versions a plugin folder asks for: config.yaml's `requires.python` when present, else
 * pyproject.toml's `[project] requires-python`, else undefined (any interpreter). The TOML is only
 * scanned for that one key: a plugin's pyproject is not otherwise the hub's business.
 */
export async function readRequiresPython(folder: string): Promise<string | undefined> {
  for (const name of ["config.yaml", "synapse.yaml"]) {
    const text = await readFile(path.join(folder, name), "utf8").catch(() => null);
    if (text === null) continue;
    const config = safeYaml(text) as { requires?: { python?: unknown } } | null;
    const wanted = config?.requires?.python;
    if (typeof wanted === "string" && wanted.trim()) return wanted.trim();
    if (typeof wanted === "number") return `==${wanted}.*`; // `python: 3.12` in YAML is a number
    break;
  }
  const pyproject = await readFile(path.join(folder, "pyproject.toml"), "utf8").catch(() => null);
  return pyproject === null ? undefined : requiresPythonFromToml(pyproject);
}

/** `requires-python = "…"` inside the `[project]` table of a pyproject.toml, if any. */
export function requiresPythonFromToml(toml: string): string | undefined {
  let inProject = false;
  for (const raw of toml.split(/\r?\n/)) {
    const line = raw.trim();
    const table = /^\[\s*([^\]]+?)\s*\]/.exec(line);
    if (table) {
      inProject = table[1] === "project";
      continue;
    }
    if (!inProject) continue;
    const match = /^requires-python\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(line);
    if (match) return (match[1] ?? match[2]).trim() || undefined;
  }
  return undefined;
}

function safeYaml(text: string): unknown {
  try {
    return parse(text, { maxAliasCount: 100 });
  } catch {
    return null; // the registry validated it at publish; an unreadable file asks for nothing here
  }
}
