import "server-only";
import { paramsInEnv, synapseVariables } from "@/lib/compute/local/job-environment";
import { isFunctionEntrypoint } from "@/lib/compute/local-backend/run-environment";
import { AppError } from "@/lib/http/errors";
import type { PluginConfig } from "@/lib/registry/config/normalize-config";
import type { JobSubmission } from "./ray-client";

export type RunResources = { cpus?: number; gpus?: number; memoryMb?: number };

export type RaySpecInput = {
  runId: string;
  action: string;
  method: string;
  config: PluginConfig;
  params: unknown;
  token: string;
  hubUrl: string;
  packageUri: string;
  /** Whether the plugin brings the Synapse SDK (its runner then runs it, as on the local backend). */
  sdk: boolean;
  requirementsText: string;
  pluginEnv?: Record<string, string>;
  resources?: RunResources | null;
};

/** The SDK's runner only runs BaseAction classes; everything else runs on the hub's runtime (shipped in the package). */
const usesSdkRunner = (input: RaySpecInput) => input.sdk && !isFunctionEntrypoint(input.config.actions[input.action].entrypoint);

/**
 * What a run needs on Ray, the same contract as a local run's process (DESIGN §3): the version's
 * package as the working folder, the job protocol's variables pointing back at the hub, the plugin's
 * requirements installed by Ray's own pip or uv support.
 */
export function runtimeEnvFor(input: RaySpecInput, extraVars: Record<string, string> = {}): Record<string, unknown> {
  const params = paramsInEnv(input.params);
  if (params === null) throw new AppError("params_too_large", "Params over 64 KiB cannot be handed to a Ray job (they travel in an environment variable).");
  const entrypoint = input.config.actions[input.action].entrypoint;
  const envVars: Record<string, string> = {
    ...input.pluginEnv,
    ...synapseVariables({ hubUrl: input.hubUrl, token: input.token, jobId: input.runId, entrypoint }),
    SYNAPSE_ACTION_PARAMS: params,
    SYNAPSE_ACTION_NAME: input.action,
    SYNAPSE_ACTION_METHOD: input.method,
    PYTHONUNBUFFERED: "1",
    PYTHONDONTWRITEBYTECODE: "1",
    ...extraVars,
  };
  // The runtime takes both spellings; keep the plugin's own.
  if (!usesSdkRunner(input)) envVars.SYNAPSE_ACTION_ENTRYPOINT = entrypoint;
  const runtimeEnv: Record<string, unknown> = { working_dir: input.packageUri, env_vars: envVars };
  const { packages, options } = parseRequirements(input.requirementsText);
  if (packages.length > 0) {
    const configured = input.config.package_manager_options ?? [];
    if (input.config.package_manager === "uv") {
      runtimeEnv.uv = { packages, uv_pip_install_options: [...configured, ...options.flatMap((line) => line.split(/\s+/))] };
    } else {
      // Ray 2.44's pip field takes no install options, but its list becomes a requirements file, where
      // option lines (`--extra-index-url …`) are allowed.
      runtimeEnv.pip = [...configured, ...options, ...packages];
    }
  }
  return runtimeEnv;
}

/** A `job` or `task` action as a Ray job; `submission_id` is the run id, so a retried submit cannot start it twice. */
export function jobSubmission(input: RaySpecInput): JobSubmission {
  const { resources } = input;
  return {
    entrypoint: usesSdkRunner(input) ? "python -m synapse_sdk.plugins.entrypoint" : "python -m synapse_hub_runtime",
    submission_id: input.runId,
    runtime_env: runtimeEnvFor(input),
    metadata: { synapse_hub_run: input.runId, plugin: input.config.code, action: input.action },
    ...(resources?.cpus !== undefined ? { entrypoint_num_cpus: resources.cpus } : {}),
    ...(resources?.gpus !== undefined ? { entrypoint_num_gpus: resources.gpus } : {}),
    ...(resources?.memoryMb !== undefined ? { entrypoint_memory: resources.memoryMb * 1024 * 1024 } : {}),
  };
}

/**
 * requirements.txt as Ray takes it: requirement lines as packages, option lines (`--extra-index-url …`)
 * apart, whole. Lines that name other files (`-r`, `-c`, `-e`) cannot travel to a cluster and are
 * reported back so the run's log can say so.
 */
export function parseRequirements(text: string): { packages: string[]; options: string[]; dropped: string[] } {
  const packages: string[] = [];
  const options: string[] = [];
  const dropped: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) continue;
    if (/^(-r|-c|-e|--requirement|--constraint|--editable)\b/.test(line)) dropped.push(line);
    else if (line.startsWith("-")) options.push(line);
    else packages.push(line);
  }
  return { packages, options, dropped };
}
