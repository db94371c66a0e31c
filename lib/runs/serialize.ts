import "server-only";
import type { Run } from "@/lib/generated/prisma/client";
import type { RunDto } from "./schemas";

type RunRow = Run & { launchedBy: { id: string; name: string } | null };

/** Where the hub proxies a serve action (relative to the hub's origin). */
export const servePath = (runId: string) => `/serve/${runId}/`;

export function toRunDto(run: RunRow): RunDto {
  return {
    id: run.id,
    plugin: run.pluginCode,
    version: run.version,
    debug: run.debug,
    action: run.action,
    method: run.method as RunDto["method"],
    params: run.params as RunDto["params"],
    status: run.status as RunDto["status"],
    progress: (run.progress as RunDto["progress"]) ?? null,
    metrics: (run.metrics as RunDto["metrics"]) ?? null,
    result: run.result ?? null,
    error: run.error,
    exitCode: run.exitCode,
    launchedBy: run.launchedBy ? { id: run.launchedBy.id, name: run.launchedBy.name } : null,
    backend: run.backend as RunDto["backend"],
    resources: (run.resources as RunDto["resources"]) ?? null,
    // A local deployment is reachable once its port is known; a Ray one once Serve runs it.
    serveUrl: run.method === "serve" && run.status === "running" && (run.servePort !== null || run.backend === "ray") ? servePath(run.id) : null,
    timeoutSeconds: run.timeoutSeconds,
    lastEventId: run.lastSeq,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export const RUN_INCLUDE = { launchedBy: { select: { id: true, name: true } } } as const;
