import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";
import { AppError } from "@/lib/http/errors";
import { appendEvents } from "./event-store";
import { getRun } from "./get-run";
import { isTerminal, type RunDto } from "./schemas";
import { hubLog, transition } from "./transitions";

/** Who may stop a run: whoever launched it, an admin, or the plugin's owner and maintainers. */
async function assertMayCancel(run: RunDto, user: SessionUser): Promise<void> {
  if (user.role === "admin" || run.launchedBy?.id === user.id) return;
  const plugin = await db().plugin.findUnique({ where: { code: run.plugin }, select: { ownerId: true, maintainers: { select: { userId: true } } } });
  if (plugin && (plugin.ownerId === user.id || plugin.maintainers.some((m) => m.userId === user.id))) return;
  throw new AppError("forbidden", "Only whoever launched this run, the plugin's maintainers or an admin may cancel it.");
}

/**
 * Cancels a run. A queued one ends `cancelled` at once (its queue entry then finds it final and does
 * nothing); a starting or running one is marked, and the instance whose backend runs it is told
 * (NOTIFY run_cancel) and stops it, ending it `cancelled`. A finished run is a 409, never a 5xx.
 */
export async function cancelRun(runId: string, user: SessionUser): Promise<RunDto> {
  const run = await getRun(runId);
  await assertMayCancel(run, user);
  const by = user.name;
  if (isTerminal(run.status)) throw new AppError("run_finished", `The run already ended (${run.status}).`);
  const stopped = await transition(runId, "cancelled", {
    from: ["queued"],
    changes: { cancel_requested: true },
    events: [hubLog(`Cancelled by ${by} before it started.`, "warning")],
  });
  if (!stopped) {
    const marked = await appendEvents(runId, [hubLog(`Cancel requested by ${by}; stopping the run.`, "warning")], {
      changes: { cancel_requested: true },
      onlyWhen: ["starting", "running"],
    });
    if (marked !== null) await pool().query("SELECT pg_notify('run_cancel', $1)", [runId]);
  }
  return getRun(runId);
}
