import "server-only";
import { pool } from "@/lib/db/pool";
import { AppError, notFound } from "@/lib/http/errors";
import { appendEvents } from "./event-store";
import { getRun } from "./get-run";
import type { RunDto } from "./schemas";
import { hubLog } from "./transitions";

/**
 * Cancels a run. A queued one ends `cancelled` at once (its queue entry then finds it final and does
 * nothing); a starting or running one is marked, and the instance whose backend runs it is told
 * (NOTIFY run_cancel) and stops it, ending it `cancelled`. A finished run is a 409, never a 5xx.
 */
export async function cancelRun(runId: string, by: string): Promise<RunDto> {
  const run = await getRun(runId);
  if (run.status === "succeeded" || run.status === "failed" || run.status === "cancelled") {
    throw new AppError("run_finished", `The run already ended (${run.status}).`);
  }
  const stopped = await appendEvents(runId, [hubLog(`Cancelled by ${by} before it started.`, "warning"), { type: "status", data: { status: "cancelled" } }], {
    changes: { status: "cancelled", finished_at: new Date(), cancel_requested: true },
    onlyWhen: ["queued"],
  });
  if (stopped === null) {
    const marked = await appendEvents(runId, [hubLog(`Cancel requested by ${by}; stopping the run.`, "warning")], {
      changes: { cancel_requested: true },
      onlyWhen: ["starting", "running"],
    });
    if (marked !== null) await pool().query("SELECT pg_notify('run_cancel', $1)", [runId]);
  }
  const after = await getRun(runId);
  if (!after) throw notFound("not_found", "No such run.");
  return after;
}
