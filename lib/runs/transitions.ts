import "server-only";
import { appendEvents, type NewEvent, type RunChanges } from "./event-store";
import { ACTIVE_STATUSES, type RunStatus } from "./schemas";

/** The statuses each status may be entered from: never backwards, never out of a final one. */
const FROM: Record<"starting" | "running" | "succeeded" | "failed" | "cancelled", readonly RunStatus[]> = {
  starting: ["queued"],
  running: ["queued", "starting"],
  succeeded: ACTIVE_STATUSES,
  failed: ACTIVE_STATUSES,
  cancelled: ACTIVE_STATUSES,
};

export type Outcome = { error?: string | null; exitCode?: number | null; result?: unknown };

/**
 * Moves a run to `status` (with a `status` event) if it may go there from where it is; false when it
 * may not (it already moved on, or ended). `changes` and `events` go in the same statement.
 */
export async function transition(
  runId: string,
  status: keyof typeof FROM,
  /** `from`: only from these statuses (a subset of where `status` may be entered from). */
  options: { changes?: RunChanges; events?: NewEvent[]; outcome?: Outcome; from?: readonly RunStatus[] } = {},
): Promise<boolean> {
  const { outcome = {} } = options;
  const changes: RunChanges = { ...options.changes, status };
  const data: Record<string, unknown> = { status };
  if (status === "running") changes.started_at = new Date();
  if (status === "succeeded" || status === "failed" || status === "cancelled") {
    changes.finished_at = new Date();
    if (outcome.error !== undefined) changes.error = data.error = outcome.error;
    if (outcome.exitCode !== undefined) changes.exit_code = data.exitCode = outcome.exitCode;
    if (outcome.result !== undefined) changes.result = outcome.result;
  }
  const events: NewEvent[] = [...(options.events ?? [])];
  if (outcome.result !== undefined) events.push({ type: "result", data: { result: outcome.result } });
  events.push({ type: "status", data });
  return (await appendEvents(runId, events, { changes, onlyWhen: options.from ?? FROM[status] })) !== null;
}

/** A log line from the hub itself into the run's log (the environment build, the cancel, the exit). */
export function hubLog(message: string, level: "info" | "warning" | "error" | "success" = "info"): NewEvent {
  return { type: "log", data: { level, message, source: "hub" } };
}
