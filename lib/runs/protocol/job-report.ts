import "server-only";
import { z } from "zod";
import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { appendEvents, type NewEvent, type RunChanges } from "../event-store";
import { ACTIVE_STATUSES } from "../schemas";
import { transition } from "../transitions";
import { toMetrics, toProgress } from "./progress-record";

/** `PATCH /jobs/{id}/` as the SDK and the hub's runtime send it (DESIGN.md §3). */
export const jobReportSchema = z.looseObject({
  status: z.string().max(40).optional(),
  progress_record: z.unknown().optional(),
  metrics_record: z.unknown().optional(),
  result: z.unknown().optional(),
  console_logs: z.unknown().optional(),
});
export type JobReport = z.infer<typeof jobReportSchema>;

/**
 * Turns one report into run changes and ordered events, applied only while the run is active (a late
 * report never rewrites a finished run). A plugin's own final word (SUCCEEDED with its result, FAILED
 * with its error) is recorded but does not end the run: the backend ends it when the process has
 * really ended and all its output is stored, so a run never reads "succeeded" while log lines are still
 * arriving, and the hub's own verdicts (cancelled, timed out) are never overwritten by the plugin's
 * goodbye (`STOPPED`). Console logs are appended whatever the status: lines in flight must not be lost.
 */
export async function applyJobReport(runId: string, report: JobReport): Promise<void> {
  const changes: RunChanges = {};
  const events: NewEvent[] = [];
  const progress = report.progress_record === undefined ? null : toProgress(report.progress_record);
  if (progress) {
    changes.progress = progress;
    events.push({ type: "progress", data: progress });
  }
  const metrics = report.metrics_record === undefined ? null : toMetrics(report.metrics_record);
  if (metrics) {
    changes.metrics = metrics;
    events.push({ type: "metrics", data: { steps: metrics } });
  }
  const status = report.status?.toLowerCase();
  if (report.result !== undefined && report.result !== null && status !== "failed") {
    changes.result = report.result;
    events.push({ type: "result", data: { result: report.result } });
  }
  if (status === "failed") {
    changes.error = errorOf(report.result);
    events.push({ type: "log", data: { level: "error", message: `The plugin reported a failure: ${changes.error}`, source: "plugin" } });
  }
  // A serve action is running once the hub has seen it answer (its backend says so), not when it says so.
  if (status === "running" && !(await isServe(runId))) await transition(runId, "running");
  if (events.length) await appendEvents(runId, events, { changes, onlyWhen: ACTIVE_STATUSES, cap: env().RUN_MAX_EVENTS });
  const logs = consoleLines(report.console_logs);
  if (logs.length) await appendEvents(runId, logs, { cap: env().RUN_MAX_EVENTS });
}
async function isServe(runId: string): Promise<boolean> {
  const { rows } = await pool().query<{ method: string }>("SELECT method FROM runs WHERE id = $1", [runId]);
  return rows[0]?.method === "serve";
}

function errorOf(result: unknown): string {
  if (result && typeof result === "object" && "error" in result) return String((result as { error: unknown }).error).slice(0, 10_000);
  return "The plugin reported that it failed.";
}

function consoleLines(raw: unknown): NewEvent[] {
  const text = typeof raw === "string" ? raw : Array.isArray(raw) ? raw.map(String).join("\n") : "";
  return text
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .map((line) => ({ type: "log" as const, data: { level: "info", message: line.slice(0, 65_536), source: "plugin" } }));
}
