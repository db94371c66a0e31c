import "server-only";
import { createHash } from "node:crypto";
import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/http/errors";
import type { PluginConfig } from "@/lib/registry/config/normalize-config";
import { latestVersion } from "@/lib/registry/latest-version";
import { insertQueuedRun, RUN_COLUMNS } from "./insert-run";
import type { Run } from "@/lib/generated/prisma/client";
import type { LaunchRun, RunDto } from "./schemas";
import { toRunDto } from "./serialize";
import { hubStorageProblems } from "@/lib/projects/export-params";
import { checkLaunchParams } from "./check-launch-params";
import { defaultBackend, rayConfig } from "@/lib/compute/ray/ray-config";

export type Launcher = { user: { id: string; name: string }; idempotencyKey?: string };

const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Creates a run and its queue entry in one transaction, so a committed run is always picked up and a
 * failed launch leaves neither. With an Idempotency-Key, the same key and body answer the run the
 * first call made (even when both arrive at once: the unique index decides); the same key with
 * another body is refused.
 */
export async function launchRun(input: LaunchRun, launcher: Launcher): Promise<{ run: RunDto; created: boolean }> {
  const key = launcher.idempotencyKey;
  if (key !== undefined && !KEY.test(key)) throw new AppError("bad_request", "Idempotency-Key must be 1–200 visible ASCII characters.");
  const requestHash = createHash("sha256")
    .update(JSON.stringify(canonical(input)))
    .digest("hex");
  if (key) {
    const earlier = await findByKey(launcher.user.id, key, requestHash);
    if (earlier) return { run: earlier, created: false };
  }

  const plugin = await findPlugin(input.plugin);
  if (!plugin) throw notFound("plugin_not_found", `No plugin "${input.plugin}".`);
  const wanted = input.version ?? latestVersion(plugin.versions);
  const version = plugin.versions.find((v) => v.version === wanted);
  if (!version)
    throw notFound(
      "version_not_found",
      input.version ? `${input.plugin} has no version ${input.version}.` : `${input.plugin} has no version that is not yanked.`,
    );
  const config = version.config as unknown as PluginConfig;
  const action = config.actions[input.action];
  if (!action) {
    throw new AppError(
      "action_not_found",
      `${input.plugin} ${version.version} has no action "${input.action}" (it has ${Object.keys(config.actions).join(", ")}).`,
    );
  }
  const params = checkLaunchParams(action, input.params);
  const outside = hubStorageProblems(params);
  if (outside.length) throw new AppError("params_invalid", "The params would write outside the run's storage folder.", outside);
  const backend = input.backend ?? defaultBackend();
  if (backend === "ray" && !rayConfig()) {
    throw new AppError("backend_unavailable", "This hub has no Ray cluster (RAY_ADDRESS is not set); launch on the local backend.");
  }

  try {
    const run = await insertQueuedRun({
      pluginId: plugin.id,
      versionId: version.id,
      pluginCode: plugin.code,
      version: version.version,
      debug: version.debug,
      action: input.action,
      method: action.method,
      params,
      backend,
      resources: input.resources ?? null,
      launchedById: launcher.user.id,
      idempotencyKey: key,
      requestHash,
      timeoutSeconds: input.timeoutSeconds ?? env().RUN_TIMEOUT_SECONDS,
    });
    return { run: toRunDto({ ...run, launchedBy: launcher.user }), created: true };
  } catch (error) {
    // Two launches with one key at once: the second insert loses on the unique index.
    if (key && (error as { code?: string }).code === UNIQUE_VIOLATION) {
      const earlier = await findByKey(launcher.user.id, key, requestHash);
      if (earlier) return { run: earlier, created: false };
    }
    throw error;
  }
}

const UNIQUE_VIOLATION = "23505";

type PluginVersions = { id: string; code: string; versions: { id: string; version: string; yanked: boolean; debug: boolean; config: unknown }[] };

/** The plugin and its versions (with their configs), in one query: the launch path is hot. */
async function findPlugin(code: string): Promise<PluginVersions | null> {
  const { rows } = await pool().query<PluginVersions>(
    `SELECT p.id, p.code, coalesce(json_agg(json_build_object('id', v.id, 'version', v.version, 'yanked', v.yanked, 'debug', v.debug, 'config', v.config))
                                   FILTER (WHERE v.id IS NOT NULL), '[]') AS versions
       FROM plugins p LEFT JOIN plugin_versions v ON v.plugin_id = p.id
      WHERE p.code = $1 GROUP BY p.id`,
    [code],
  );
  return rows[0] ?? null;
}

async function findByKey(userId: string, key: string, requestHash: string): Promise<RunDto | null> {
  const { rows } = await pool().query<Run & { launchedBy: { id: string; name: string } | null }>(
    `SELECT ${RUN_COLUMNS}, (SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = runs.launched_by_id) AS "launchedBy"
       FROM runs WHERE launched_by_id = $1 AND idempotency_key = $2`,
    [userId, key],
  );
  const run = rows[0];
  if (!run) return null;
  if (run.requestHash !== requestHash) {
    throw new AppError("idempotency_key_reused", "This Idempotency-Key was already used for a different launch; use a new key for a new run.");
  }
  return toRunDto(run);
}

/** The request with its keys sorted, so `{a, b}` and `{b, a}` count as the same body. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
