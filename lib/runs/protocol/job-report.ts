import "server-only";
import { z } from "zod";
import { appendEvents, type NewEvent, type RunChanges } from "../event-store";
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

const ACTIVE = ["queued", "starting", "running"];

/**
 * Turns one report into run changes and ordered events. Progress and metrics only count while the
 * run is active (a late report never rewrites a finished run); a final status ends the run with the
 * result it carries; console logs are appended whatever the status, as log lines in flight must not be lost.
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
  const logs = consoleLines(report.console_logs);

  const status = report.status?.toLowerCase();
  const result = report.result;
  if (status === "succeeded" || status === "failed" || status === "stopped") {
    const error = status === "failed" ? errorOf(result) : null;
    const final = status === "succeeded" ? "succeeded" : status === "failed" ? "failed" : "cancelled";
    await transition(runId, final, { changes, events, outcome: { result: result ?? undefined, error } });
  } else {
    if (status === "running") await transition(runId, "running");
    if (result !== undefined) {
      events.push({ type: "result", data: { result } });
      changes.result = result;
    }
    if (events.length) await appendEvents(runId, events, { changes, onlyWhen: ACTIVE });
  }
  if (logs.length) await appendEvents(runId, logs);
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
