import "server-only";

/** The queue's task that executes a run. */
export const RUN_TASK = "execute_run";

/**
 * Adds a run's queue entry; runs inside the launch's transaction. One attempt: a run that started and
 * died is reconciled (lib/runs/reconcile.ts), never silently started a second time. The job key is the
 * run id, so the entry cannot be added twice.
 */
export const enqueueRunSql = `SELECT graphile_worker.add_job('${RUN_TASK}', json_build_object('runId', $1::text), max_attempts => 1, job_key => $1::text)`;
