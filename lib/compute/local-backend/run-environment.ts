import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { localHubUrl } from "@/lib/http/hub-origin";
import type { Prepared } from "./prepare";

/** The hub's own runtime (standard library only), for plugins that do not bring the SDK. */
export const RUNTIME_DIR = path.resolve("runtime");
/** Params longer than this travel in a file (SYNAPSE_ACTION_PARAMS_FILE): environments have limits. */
const PARAMS_INLINE_MAX = 64 * 1024;

export type RunSpec = { runId: string; action: string; method: string; entrypoint: string; params: unknown; token: string; servePort?: number };

/**
 * The command and environment of a run's process (DESIGN.md §3). The environment is built from
 * nothing, not inherited: the SDK hands the plugin all of os.environ, and it falls back to
 * ~/.synapse/config.json, so the hub's own secrets and logins must not reach it; HOME is run-private.
 */
export async function runCommand(prepared: Prepared, spec: RunSpec, runDir: string) {
  const home = path.join(runDir, "home");
  const work = path.join(runDir, "work");
  const artifacts = path.join(runDir, "artifacts");
  await Promise.all([home, work, artifacts].map((dir) => mkdir(dir, { recursive: true })));
  const params = JSON.stringify(spec.params ?? {});
  const paramsEnv: Record<string, string> = {};
  if (params.length > PARAMS_INLINE_MAX) {
    paramsEnv.SYNAPSE_ACTION_PARAMS_FILE = path.join(runDir, "params.json");
    await writeFile(paramsEnv.SYNAPSE_ACTION_PARAMS_FILE, params);
  } else paramsEnv.SYNAPSE_ACTION_PARAMS = params;

  const hub = localHubUrl();
  const env: Record<string, string> = {
    PATH: `${path.dirname(prepared.python)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: home,
    LANG: "C.UTF-8",
    PYTHONUNBUFFERED: "1",
    PYTHONDONTWRITEBYTECODE: "1",
    VIRTUAL_ENV: path.dirname(path.dirname(prepared.python)),
    // The plugin's code is imported from its extracted folder; it works in a folder of its own.
    PYTHONPATH: prepared.sdk ? prepared.pluginDir : `${RUNTIME_DIR}:${prepared.pluginDir}`,
    SYNAPSE_HOST: hub,
    SYNAPSE_PLUGIN_RUN_HOST: hub,
    SYNAPSE_ACCESS_TOKEN: spec.token,
    SYNAPSE_PLUGIN_RUN_USER_TOKEN: spec.token,
    SYNAPSE_JOB_ID: spec.runId,
    // The SDK's runner splits the entrypoint at its last dot; `pkg.module:Name` names the same thing.
    SYNAPSE_ACTION_ENTRYPOINT: prepared.sdk ? spec.entrypoint.replace(":", ".") : spec.entrypoint,
    SYNAPSE_ACTION_NAME: spec.action,
    SYNAPSE_ACTION_METHOD: spec.method,
    SYNAPSE_ARTIFACTS_DIR: artifacts,
    ...paramsEnv,
  };
  if (spec.servePort !== undefined) {
    env.SYNAPSE_SERVE_PORT = String(spec.servePort);
    env.SYNAPSE_SERVE_PREFIX = `/serve/${spec.runId}`;
  }
  const module = prepared.sdk ? "synapse_sdk.plugins.entrypoint" : "synapse_hub_runtime";
  return { command: prepared.python, args: ["-m", module], cwd: work, env };
}
