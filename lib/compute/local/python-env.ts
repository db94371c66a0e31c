import "server-only";
import { randomBytes } from "node:crypto";
import { access, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { processSingleton } from "@/lib/process-singleton";
import { relocateVenv, runStep, type StepContext } from "./build-step";
import { withFileLock } from "./file-lock";
import { envKey, normalizeRequirements, type EnvKeyInput, type LockFn } from "./python-env-key";
import { ensureUv } from "./uv-tool";

export type { LockFn } from "./python-env-key";

export type EnsureEnvOptions = EnvKeyInput & {
  /** The compute data folder: environments live in `<root>/envs/<key>`. */
  root: string;
  /** The run's log: every line of venv/pip/uv output, the build being the run's first step. */
  log: (line: string) => void;
  /** Where pip runs, so relative paths in the requirements (local wheels) resolve in the plugin folder. */
  cwd?: string;
  withLock?: LockFn;
  signal?: AbortSignal;
  timeoutMs?: number;
};

export type PythonEnv = { key: string; path: string; python: string; built: boolean };

const READY = ".synapse-env.json";
const DEFAULT_TIMEOUT_MS = 30 * 60 * 1000;
const building = processSingleton("compute.env-builds", () => new Map<string, Promise<PythonEnv>>());

/**
 * The virtualenv for (interpreter, requirements, manager, options), built at most once per machine.
 * It is built in a temp folder, marked ready and renamed into place, so nobody ever sees half an
 * environment; callers of one process share one build, other processes wait on the key's lock and
 * then find it ready. A failed build leaves nothing behind and throws `env_build_failed`.
 */
export async function ensureEnv(options: EnsureEnvOptions): Promise<PythonEnv> {
  const key = envKey(options);
  const final = path.join(options.root, "envs", key);
  const env = { key, path: final, python: path.join(final, "bin", "python"), built: false };
  if (await exists(path.join(final, READY))) return env;
  const inFlight = building.get(key);
  if (inFlight) {
    options.log("Waiting for the same Python environment, which another run is building");
    await inFlight;
    return env;
  }
  const build = buildLocked(options, key, final).finally(() => building.delete(key));
  building.set(key, build);
  return build;
}

async function buildLocked(options: EnsureEnvOptions, key: string, final: string): Promise<PythonEnv> {
  const envs = path.dirname(final);
  await mkdir(envs, { recursive: true });
  const result = { key, path: final, python: path.join(final, "bin", "python"), built: false };
  const underLock = async () => {
    if (await exists(path.join(final, READY))) return; // another process built it while we waited
    await removeLeftovers(envs, key); // temp folders of a build that crashed; we hold the key's lock
    await build(options, final);
    result.built = true;
  };
  if (options.withLock) await options.withLock(`python-env:${key}`, underLock);
  else await withFileLock(`${final}.lock`, underLock, { signal: options.signal });
  return result;
}

async function build(options: EnsureEnvOptions, final: string): Promise<void> {
  const temp = `${final}.tmp-${randomBytes(6).toString("hex")}`;
  const context: StepContext & { withLock?: LockFn } = {
    log: options.log,
    signal: options.signal,
    deadline: Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    cwd: options.cwd,
    withLock: options.withLock,
  };
  const requirements = normalizeRequirements(options.requirementsText);
  const started = Date.now();
  options.log(`Building the Python environment (${options.packageManager}, Python ${options.interpreter.version}, ${requirements.length} requirement line(s))`);
  try {
    const requirementsFile = path.join(temp, "requirements.txt");
    if (options.packageManager === "uv") {
      const uv = await ensureUv(options.root, options.interpreter.path, context);
      await runStep(uv, ["venv", "--python", options.interpreter.path, temp], context);
      if (requirements.length > 0) {
        await writeFile(requirementsFile, options.requirementsText);
        await runStep(uv, ["pip", "install", "--python", path.join(temp, "bin", "python"), "-r", requirementsFile, ...options.options], context);
      }
    } else if (requirements.length === 0) {
      await runStep(options.interpreter.path, ["-m", "venv", "--without-pip", temp], context); // nothing to install: no pip needed
    } else {
      await runStep(options.interpreter.path, ["-m", "venv", temp], context);
      await writeFile(requirementsFile, options.requirementsText);
      await runStep(path.join(temp, "bin", "python"), ["-m", "pip", "install", "-r", requirementsFile, ...options.options], context);
    }
    await relocateVenv(temp, final);
    const marker = { interpreter: options.interpreter, packageManager: options.packageManager, options: options.options, requirements, builtAt: new Date() };
    await writeFile(path.join(temp, READY), JSON.stringify(marker, null, 2));
    await rename(temp, final);
    options.log(`Python environment ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

async function removeLeftovers(envs: string, key: string): Promise<void> {
  for (const name of await readdir(envs)) {
    if (name.startsWith(`${key}.tmp-`)) await rm(path.join(envs, name), { recursive: true, force: true });
  }
  // A final folder without its marker cannot come from a rename (the marker is written first); remove it anyway.
  await rm(path.join(envs, key), { recursive: true, force: true });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
