import "server-only";
import { execFile } from "node:child_process";
import { readdir, realpath } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { processSingleton } from "@/lib/process-singleton";
import { compareVersions, parseSpecifier } from "./python-specifier";

const run = promisify(execFile);

export type Interpreter = {
  /** What to execute: the interpreter's own `sys.executable` (never a pyenv shim). */
  path: string;
  version: string;
  parts: [number, number, number];
};

/** Where to look. PATH, PYENV_ROOT and PYTHON_INTERPRETERS describe the machine, not the hub's own
 *  settings, so they are read from the process environment unless a caller passes its own. */
export type InterpreterSource = { PATH?: string; PYENV_ROOT?: string; PYTHON_INTERPRETERS?: string; HOME?: string };

const PROBE =
  "import json,os,sys;print(json.dumps({'v':list(sys.version_info[:3]),'exe':sys.executable,'real':os.path.realpath(sys.executable),'prefix':sys.prefix}))";
const PROBE_TIMEOUT_MS = 10_000;
const probeOutput = z.object({
  v: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  exe: z.string().min(1),
  real: z.string().min(1),
  prefix: z.string(),
});

const cache = processSingleton("compute.interpreters", () => ({ found: null as Promise<Interpreter[]> | null }));

/** Every working Python interpreter on this machine, newest first; probed once per process. */
export function findInterpreters(source?: InterpreterSource): Promise<Interpreter[]> {
  if (source) return probeAll(source);
  cache.found ??= probeAll(process.env as InterpreterSource).catch((error) => {
    cache.found = null; // a failed probe is retried by the next caller
    throw error;
  });
  return cache.found;
}

/**
 * The newest interpreter satisfying a PEP 440 `requires-python` specifier (any when none is given).
 * Refuses with `no_python`, naming what was found and what was asked.
 */
export async function pickInterpreter(requiresPython?: string, source?: InterpreterSource): Promise<Interpreter> {
  const found = await findInterpreters(source);
  let accepts: (version: readonly number[]) => boolean = () => true;
  if (requiresPython?.trim()) {
    try {
      accepts = parseSpecifier(requiresPython);
    } catch (error) {
      throw new AppError("no_python", `requires-python "${requiresPython}" cannot be read: ${(error as Error).message}.`);
    }
  }
  const match = found.find((interpreter) => accepts(interpreter.parts));
  if (match) return match;
  const listing = found.length ? found.map((i) => `${i.version} (${i.path})`).join(", ") : "none";
  throw new AppError("no_python", `No Python interpreter satisfies requires-python "${requiresPython}". Found: ${listing}.`);
}

async function probeAll(source: InterpreterSource): Promise<Interpreter[]> {
  const candidates = [...new Set(await candidatePaths(source))];
  const probed = await Promise.all(candidates.map(probe));
  const byReal = new Map<string, Interpreter>();
  for (const result of probed) {
    // The same interpreter reached through a symlink, a pyenv shim or python3 vs python3.12 counts once;
    // a virtualenv has the same real executable but another prefix, so it stays separate.
    if (result && !byReal.has(result.key)) byReal.set(result.key, result.interpreter);
  }
  return [...byReal.values()].sort((a, b) => compareVersions(b.parts, a.parts) || a.path.localeCompare(b.path));
}

async function candidatePaths(source: InterpreterSource): Promise<string[]> {
  const paths: string[] = [];
  const versions = path.join(await pyenvRoot(source), "versions");
  for (const name of await readdir(versions).catch(() => [] as string[])) paths.push(path.join(versions, name, "bin", "python3"));
  for (const dir of (source.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (/^python3(\.\d+)?$/.test(name)) paths.push(path.join(dir, name));
    }
  }
  for (const file of (source.PYTHON_INTERPRETERS ?? "").split(path.delimiter).filter(Boolean)) paths.push(file);
  return paths;
}

async function pyenvRoot(source: InterpreterSource): Promise<string> {
  if (source.PYENV_ROOT) return source.PYENV_ROOT;
  try {
    const { stdout } = await run("pyenv", ["root"], { timeout: PROBE_TIMEOUT_MS, env: { ...process.env, PATH: source.PATH ?? "" } });
    if (stdout.trim()) return stdout.trim();
  } catch {
    // no pyenv on PATH
  }
  return path.join(source.HOME ?? os.homedir(), ".pyenv");
}

async function probe(file: string): Promise<{ key: string; interpreter: Interpreter } | null> {
  try {
    // A pyenv shim for a version that is not selected (python3.12 without PYENV_VERSION) exits non-zero:
    // that candidate is skipped, and the real interpreter behind it is found under pyenv's versions/.
    const { stdout } = await run(file, ["-c", PROBE], { timeout: PROBE_TIMEOUT_MS });
    const info = probeOutput.parse(JSON.parse(stdout.trim().split("\n").at(-1) ?? ""));
    const [major, minor, micro] = info.v;
    const real = await realpath(info.real).catch(() => info.real);
    return { key: `${real}\0${info.prefix}`, interpreter: { path: info.exe, version: `${major}.${minor}.${micro}`, parts: [major, minor, micro] } };
  } catch {
    return null;
  }
}
