import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/http/errors";
import type { PluginConfig } from "@/lib/registry/config/normalize-config";
import { latestVersion } from "@/lib/registry/latest-version";
import { enqueueRunSql } from "./queue";
import type { LaunchRun, RunDto } from "./schemas";
import { RUN_INCLUDE, toRunDto } from "./serialize";
import { checkLaunchParams } from "./check-launch-params";
import { defaultBackend, rayConfig } from "@/lib/compute/ray/ray-config";

export type Launcher = { userId: string; idempotencyKey?: string };

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
    const earlier = await findByKey(launcher.userId, key, requestHash);
    if (earlier) return { run: earlier, created: false };
  }

  const plugin = await db().plugin.findUnique({
    where: { code: input.plugin },
    include: { versions: { select: { version: true, yanked: true, debug: true, id: true, config: true } } },
  });
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
  const backend = input.backend ?? defaultBackend();
  if (backend === "ray" && !rayConfig()) {
    throw new AppError("backend_unavailable", "This hub has no Ray cluster (RAY_ADDRESS is not set); launch on the local backend.");
  }

  try {
    const run = await db().$transaction(async (tx) => {
      const row = await tx.run.create({
        data: {
          pluginId: plugin.id,
          versionId: version.id,
          pluginCode: plugin.code,
          version: version.version,
          debug: version.debug,
          action: input.action,
          method: action.method,
          params: params as Prisma.InputJsonValue,
          backend,
          resources: input.resources ? (input.resources as Prisma.InputJsonValue) : Prisma.DbNull,
          launchedById: launcher.userId,
          idempotencyKey: key,
          requestHash,
          timeoutSeconds: input.timeoutSeconds ?? env().RUN_TIMEOUT_SECONDS,
          lastSeq: 1,
          events: { create: { seq: 1, type: "status", data: { status: "queued" } } },
        },
        include: RUN_INCLUDE,
      });
      await tx.$executeRawUnsafe(enqueueRunSql, row.id, backend);
      return row;
    });
    return { run: toRunDto(run), created: true };
  } catch (error) {
    // Two launches with one key at once: the second insert loses on the unique index.
    if (key && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const earlier = await findByKey(launcher.userId, key, requestHash);
      if (earlier) return { run: earlier, created: false };
    }
    throw error;
  }
}

async function findByKey(userId: string, key: string, requestHash: string): Promise<RunDto | null> {
  const run = await db().run.findUnique({ where: { launchedById_idempotencyKey: { launchedById: userId, idempotencyKey: key } }, include: RUN_INCLUDE });
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
