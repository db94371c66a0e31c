import "server-only";
import { randomUUID } from "node:crypto";
import { pool } from "@/lib/db/pool";
import type { Run } from "@/lib/generated/prisma/client";
import { enqueueRunCall } from "./queue";

export type NewRun = {
  pluginId: string;
  versionId: string;
  pluginCode: string;
  version: string;
  debug: boolean;
  action: string;
  method: string;
  params: unknown;
  backend: string;
  resources: unknown;
  launchedById: string;
  idempotencyKey: string | undefined;
  requestHash: string;
  timeoutSeconds: number;
};

// The run row as Prisma names its fields, so the launch answers through the same toRunDto as reads.
export const RUN_COLUMNS = `id, plugin_id AS "pluginId", version_id AS "versionId", plugin_code AS "pluginCode", version, debug, action, method,
  params, status, progress, metrics, result, error, exit_code AS "exitCode", backend, launched_by_id AS "launchedById",
  idempotency_key AS "idempotencyKey", request_hash AS "requestHash", token_hash AS "tokenHash", timeout_seconds AS "timeoutSeconds",
  cancel_requested AS "cancelRequested", node, pid, serve_port AS "servePort", resources, backend_log_offset AS "backendLogOffset",
  unreachable_since AS "unreachableSince", last_seq AS "lastSeq", created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

// `$1` is the run id, so the queue entry (a CTE the result reads, so it runs) needs nothing from the new row.
const INSERT = `
WITH run AS (
  INSERT INTO runs (id, plugin_id, version_id, plugin_code, version, debug, action, method, params, backend, resources,
                    launched_by_id, idempotency_key, request_hash, timeout_seconds, last_seq)
  VALUES ($1::text::uuid, $2::text::uuid, $3::text::uuid, $4, $5, $6, $7, $8, $9::jsonb, $10, $11::jsonb, $12, $13, $14, $15, 1)
  RETURNING ${RUN_COLUMNS}
), event AS (
  INSERT INTO run_events (run_id, seq, type, data) SELECT id, 1, 'status', '{"status":"queued"}'::jsonb FROM run
), queued AS (${enqueueRunCall("$1", "$10")})
SELECT run.* FROM run, queued`;

/**
 * The run, its first event and its queue entry, in one statement: one round trip and atomic (a
 * launch that fails leaves none of the three). Launching is on the path every run waits on; an
 * interactive transaction cost several round trips more.
 */
export async function insertQueuedRun(run: NewRun): Promise<Run> {
  const { rows } = await pool().query<Run>(INSERT, [
    randomUUID(),
    run.pluginId,
    run.versionId,
    run.pluginCode,
    run.version,
    run.debug,
    run.action,
    run.method,
    JSON.stringify(run.params),
    run.backend,
    run.resources === undefined || run.resources === null ? null : JSON.stringify(run.resources),
    run.launchedById,
    run.idempotencyKey ?? null,
    run.requestHash,
    run.timeoutSeconds,
  ]);
  return rows[0];
}
