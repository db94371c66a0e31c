import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export type JobEnvironmentInput = {
  /** The virtualenv's python (ensureEnv's `python`). */
  python: string;
  /** The action's entrypoint as config.yaml spells it: `pkg.module.Name` or `pkg.module:Name`. */
  entrypoint: string;
  params: unknown;
  jobId: string;
  /** The hub's own URL, as the plugin process can reach it. */
  hubUrl: string;
  /** The run's own token (it can only report for this run). */
  token: string;
  /** A folder private to this run: the child's HOME, and where large params go. */
  runDir: string;
  /** The plugin's own `env` from config.yaml, if any. */
  extra?: Record<string, string>;
};

// Linux refuses a single environment string over 128 KiB (MAX_ARG_STRLEN); stay well below it.
const MAX_PARAMS_IN_ENV = 64 * 1024;

/**
 * The environment of a job process (DESIGN §3), the same for the SDK's runner and the project's
 * runtime. It is built from scratch rather than copied from the hub: the SDK hands the whole
 * environment to the plugin as `ctx.env`, and the hub's own secrets must not be in it. HOME is the
 * run's folder because the SDK fills missing credentials from `~/.synapse/config.json`.
 */
export async function jobEnvironment(input: JobEnvironmentInput): Promise<Record<string, string>> {
  await mkdir(input.runDir, { recursive: true });
  const venv = path.dirname(path.dirname(input.python));
  const inline = paramsInEnv(input.params);
  const paramsVars: Record<string, string> = {};
  if (inline !== null) paramsVars.SYNAPSE_ACTION_PARAMS = inline;
  else {
    const file = path.join(input.runDir, "params.json");
    await writeFile(file, JSON.stringify(input.params ?? {}));
    paramsVars.SYNAPSE_ACTION_PARAMS_FILE = file;
  }
  return {
    ...input.extra,
    PATH: `${path.join(venv, "bin")}:/usr/local/bin:/usr/bin:/bin`,
    VIRTUAL_ENV: venv,
    HOME: input.runDir,
    LANG: "C.UTF-8",
    // Piped stdout is block-buffered by Python: without this, prints arrive in 8 KiB lumps, late.
    PYTHONUNBUFFERED: "1",
    ...synapseVariables(input),
    ...paramsVars,
  };
}

/** The job protocol's variables (DESIGN §3) that every backend hands a run, params aside. */
export function synapseVariables(input: Pick<JobEnvironmentInput, "hubUrl" | "token" | "jobId" | "entrypoint">): Record<string, string> {
  return {
    SYNAPSE_HOST: input.hubUrl,
    SYNAPSE_PLUGIN_RUN_HOST: input.hubUrl,
    SYNAPSE_ACCESS_TOKEN: input.token,
    SYNAPSE_PLUGIN_RUN_USER_TOKEN: input.token,
    SYNAPSE_JOB_ID: input.jobId,
    // The SDK's runner splits on the last "." only, so `pkg.module:Name` must become `pkg.module.Name`.
    SYNAPSE_ACTION_ENTRYPOINT: input.entrypoint.replace(":", "."),
  };
}

/** Params as one environment string, or null when they are too large for one (Linux's MAX_ARG_STRLEN). */
export function paramsInEnv(params: unknown): string | null {
  const text = JSON.stringify(params ?? {});
  return Buffer.byteLength(text) <= MAX_PARAMS_IN_ENV ? text : null;
}

/** How the real SDK's runner is started; its cwd must be the extracted version folder (it imports from there). */
export function sdkRunnerCommand(python: string): { command: string; args: string[] } {
  return { command: python, args: ["-m", "synapse_sdk.plugins.entrypoint"] };
}
