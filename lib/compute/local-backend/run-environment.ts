import "server-only";
import { mkdir } from "node:fs/promises";
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
 * The command, folder and environment of a run's process (DESIGN.md §3). The plugin's code is
 * imported from its extracted version (shared, never written to); the process works in a folder of
 * its own, so files it writes stay with its run.
 */
export async function runCommand(prepared: Prepared, spec: RunSpec, runDir: string) {
  const work = path.join(runDir, "work");
  const artifacts = path.join(runDir, "artifacts");
  await Promise.all([work, artifacts].map((dir) => mkdir(dir, { recursive: true })));
  const env = await jobEnvironment({
    python: prepared.python,
    entrypoint: spec.entrypoint,
    params: spec.params,
    jobId: spec.runId,
    hubUrl: localHubUrl(),
    token: spec.token,
    runDir,
    extra: spec.pluginEnv,
  });
  Object.assign(env, {
    PYTHONPATH: prepared.sdk ? prepared.pluginDir : `${RUNTIME_DIR}:${prepared.pluginDir}`,
    PYTHONDONTWRITEBYTECODE: "1",
    SYNAPSE_ACTION_NAME: spec.action,
    SYNAPSE_ACTION_METHOD: spec.method,
    SYNAPSE_ARTIFACTS_DIR: artifacts,
  });
  if (spec.servePort !== undefined) {
    env.SYNAPSE_SERVE_PORT = String(spec.servePort);
    env.SYNAPSE_SERVE_PREFIX = `/serve/${spec.runId}`;
  }
  const command = prepared.sdk ? sdkRunnerCommand(prepared.python) : { command: prepared.python, args: ["-m", "synapse_hub_runtime"] };
  return { ...command, cwd: work, env };
}
