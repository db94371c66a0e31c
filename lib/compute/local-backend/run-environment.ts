import "server-only";
import { mkdir, readdir, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { jobEnvironment, sdkRunnerCommand } from "@/lib/compute/local/job-environment";
import { localHubUrl } from "@/lib/http/hub-origin";
import type { Prepared } from "./prepare";

/** The hub's own runtime (standard library only), for plugins that do not bring the SDK. */
export const RUNTIME_DIR = path.resolve("runtime");

export type RunSpec = {
  runId: string;
  action: string;
  method: string;
  entrypoint: string;
  params: unknown;
  token: string;
  /** The plugin's own `env` from config.yaml. */
  pluginEnv?: Record<string, string>;
  servePort?: number;
};

/**
 * The command, folder and environment of a run's process (DESIGN.md §3).
 * - It works in a folder of its own that holds a link to every top-level entry of the extracted
 *   version: code and data files open by relative path as from the plugin's folder (the SDK's runner
 *   and Ray's working_dir expect that), while files it writes stay with its run, never in the version
 *   shared by every run.
 * - The SDK's runner runs only `BaseAction` classes; a function entrypoint (`module:function`, a
 *   lower-case name by Python's conventions) runs under the hub's runtime, whose context has the
 *   same methods, with the plugin's SDK still importable.
 */
export async function runCommand(prepared: Prepared, spec: RunSpec, runDir: string) {
  const work = path.join(runDir, "work");
  const artifacts = path.join(runDir, "artifacts");
  await mkdir(artifacts, { recursive: true });
  await linkFolder(prepared.pluginDir, work);
  const env = await jobEnvironment({
    python: prepared.python,
    entrypoint: spec.entrypoint,
    params: spec.params,
    jobId: spec.runId,
    hubUrl: localHubUrl(),
    token: spec.token,
    runDir: path.join(runDir, "home"),
    extra: spec.pluginEnv,
  });
  const sdkRunner = prepared.sdk && !isFunctionEntrypoint(spec.entrypoint);
  Object.assign(env, {
    PYTHONPATH: sdkRunner ? prepared.pluginDir : `${RUNTIME_DIR}:${prepared.pluginDir}`,
    PYTHONDONTWRITEBYTECODE: "1",
    SYNAPSE_ACTION_NAME: spec.action,
    SYNAPSE_ACTION_METHOD: spec.method,
    SYNAPSE_ARTIFACTS_DIR: artifacts,
  });
  // The runtime takes both spellings; keep the plugin's own.
  if (!sdkRunner) env.SYNAPSE_ACTION_ENTRYPOINT = spec.entrypoint;
  if (spec.servePort !== undefined) {
    env.SYNAPSE_SERVE_PORT = String(spec.servePort);
    env.SYNAPSE_SERVE_PREFIX = `/serve/${spec.runId}`;
  }
  const command = sdkRunner ? sdkRunnerCommand(prepared.python) : { command: prepared.python, args: ["-m", "synapse_hub_runtime"] };
  return { ...command, cwd: work, env };
}

export const isFunctionEntrypoint = (entrypoint: string) => /^[a-z_]/.test(entrypoint.split(/[.:]/).at(-1) ?? "");

async function linkFolder(source: string, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  for (const name of await readdir(source)) {
    await symlink(path.join(source, name), path.join(target, name)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
  }
}

/** After a run: its scratch folders go; what it saved as artifacts stays. */
export async function clearRunDir(runDir: string): Promise<void> {
  // "storage" is normally ingested and gone by now; whatever landed in it later is nobody's to ingest.
  await Promise.all(["work", "home", "storage"].map((name) => rm(path.join(runDir, name), { recursive: true, force: true }))).catch((error) =>
    console.error(`could not clear ${runDir}:`, error),
  );
}

// Names the hub sets for the run itself, or that decide which Python and code run: a plugin's own
// `env` cannot override them (a plugin setting SYNAPSE_ACTION_PARAMS would replace its params).
const RESERVED = /^(SYNAPSE_|PYTHON|VIRTUAL_ENV$|PATH$|HOME$|LD_)/;

/** config.yaml's `env`: plain names with scalar values, minus the reserved ones. */
export function pluginEnvironment(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([name, v]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.test(name) && v !== null && typeof v !== "object")
      .map(([name, v]) => [name, String(v)]),
  );
}
