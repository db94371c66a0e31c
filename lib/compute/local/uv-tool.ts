import "server-only";
import { randomBytes } from "node:crypto";
import { access, mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { relocateVenv, runStep, type StepContext } from "./build-step";
import { withFileLock } from "./file-lock";
import { type LockFn } from "./python-env-key";

/** uv is installed from PyPI by the hub itself, pinned, into its own virtualenv under `<root>/tools`. */
export const UV_VERSION = "0.13.9";

/**
 * Returns the path of the pinned `uv` binary, installing it first if needed (once per machine: the
 * same lock-and-rename scheme as plugin environments, so concurrent first runs install it once).
 */
export async function ensureUv(root: string, interpreter: string, context: StepContext & { withLock?: LockFn }): Promise<string> {
  const tools = path.join(root, "tools");
  const final = path.join(tools, `uv-${UV_VERSION}`);
  const binary = path.join(final, "bin", "uv");
  if (await exists(binary)) return binary;
  await mkdir(tools, { recursive: true });
  const lockKey = `uv-${UV_VERSION}`;
  const build = async () => {
    if (await exists(binary)) return;
    // We hold the lock: any temp folder here is a crashed install's.
    for (const name of await readdir(tools)) if (name.startsWith(`uv-${UV_VERSION}.tmp-`)) await rm(path.join(tools, name), { recursive: true, force: true });
    const temp = `${final}.tmp-${randomBytes(6).toString("hex")}`;
    try {
      context.log(`Installing uv ${UV_VERSION} (once for this machine)`);
      await runStep(interpreter, ["-m", "venv", temp], context);
      await runStep(path.join(temp, "bin", "python"), ["-m", "pip", "install", `uv==${UV_VERSION}`], context);
      await relocateVenv(temp, final);
      await rename(temp, final);
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  };
  if (context.withLock) await context.withLock(lockKey, build);
  else await withFileLock(path.join(tools, `${lockKey}.lock`), build, { signal: context.signal });
  return binary;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
