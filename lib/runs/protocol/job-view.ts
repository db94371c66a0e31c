import "server-only";
import type { RunDto } from "../schemas";

const SYNAPSE_STATUS: Record<RunDto["status"], string> = {
  queued: "pending",
  starting: "pending",
  running: "running",
  succeeded: "succeeded",
  failed: "failed",
  cancelled: "stopped",
};

/** A run as the Synapse backend's job resource (`GET /jobs/{id}/`). */
export function toSynapseJob(run: RunDto) {
  const steps = Object.fromEntries(
    Object.entries(run.progress?.steps ?? {}).map(([name, s]) => [name, { percent: s.percent, time_remaining: s.timeRemaining }]),
  );
  return {
    id: run.id,
    status: SYNAPSE_STATUS[run.status],
    plugin: run.plugin,
    version: run.version,
    action: run.action,
    params: run.params,
    progress_record: run.progress
      ? {
          record: { steps },
          current_progress: {
            overall: run.progress.overall,
            step: run.progress.step,
            percent: run.progress.step ? (steps[run.progress.step]?.percent ?? null) : null,
          },
        }
      : null,
    metrics_record: run.metrics ? { record: { steps: run.metrics } } : null,
    result: run.result ?? (run.error ? { error: run.error } : null),
    created: run.createdAt,
    started_at: run.startedAt,
    finished_at: run.finishedAt,
  };
}
