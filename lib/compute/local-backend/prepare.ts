import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { limitsFromEnv } from "@/lib/registry/archive/limits";
import type { ArchiveFormat } from "@/lib/registry/archive/detect-format";
import { blobPath } from "@/lib/storage/blob-store";
import type { PluginConfig } from "@/lib/registry/config/normalize-config";
import { extractVersion } from "@/lib/compute/local/extract-version";
import { pickInterpreter } from "@/lib/compute/local/interpreters";
import { readRequiresPython } from "@/lib/compute/local/requires-python";
import { ensureEnv } from "@/lib/compute/local/python-env";
import { usesSdk } from "@/lib/compute/local/uses-sdk";

export type Prepared = {
  /** The extracted version (holds config.yaml): on the child's PYTHONPATH. */
  pluginDir: string;
  /** The environment's python. */
  python: string;
  /** Whether the plugin brings the real Synapse SDK (then its own runner runs it). */
  sdk: boolean;
};

/** Where the local backend keeps what it builds: extracted versions, environments, run folders. */
export const computeRoot = () => path.resolve(env().DATA_DIR, "compute");

/**
 * Gets a version ready to run: extracted once per archive hash, an interpreter that satisfies the
 * plugin, and its Python environment (built once per interpreter + requirements + manager + options).
 * Every line of the build goes to `log`: it is the run's first step.
 */
export async function prepareVersion(
  version: { sha256: string; format: string; config: PluginConfig },
  log: (line: string) => void,
  signal: AbortSignal,
): Promise<Prepared> {
  const root = computeRoot();
  log(`Preparing the plugin (archive ${version.sha256.slice(0, 12)}…)`);
  const pluginDir = await extractVersion({
    blobPath: blobPath(version.sha256),
    sha256: version.sha256,
    format: version.format as ArchiveFormat,
    root,
    limits: limitsFromEnv(env()),
  });
  const sdk = await usesSdk(pluginDir);
  // The SDK's 2026 line needs Python 3.12 or newer, whatever the plugin says about itself.
  const requires = (await readRequiresPython(pluginDir)) ?? (sdk ? ">=3.12" : undefined);
  const interpreter = await pickInterpreter(requires);
  log(
    `Python ${interpreter.version} (${interpreter.path})${requires ? ` for requires-python ${requires}` : ""}; ${sdk ? "the plugin brings the Synapse SDK: its own runner runs it" : "the hub's runtime runs it"}`,
  );
  const requirementsText = await readFile(path.join(pluginDir, "requirements.txt"), "utf8").catch(() => "");
  const started = Date.now();
  const environment = await ensureEnv({
    interpreter,
    requirementsText,
    packageManager: version.config.package_manager === "uv" ? "uv" : "pip",
    options: (version.config.package_manager_options as string[] | undefined) ?? [],
    root,
    log,
    cwd: pluginDir,
    signal,
  });
  log(
    environment.built ? `Built the environment in ${((Date.now() - started) / 1000).toFixed(1)} s` : `Reusing the environment ${environment.key.slice(0, 12)}`,
  );
  return { pluginDir, python: environment.python, sdk };
}
