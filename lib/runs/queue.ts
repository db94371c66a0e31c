import "server-only";

/**
 * The queue's task per backend. Each instance's worker takes only the tasks it can carry out: one
 * without RAY_ADDRESS never takes a Ray run, and Ray hand-overs never wait behind the local
 * backend's long-running processes for a slot.
 */
export const RUN_TASKS = { local: "execute_run", ray: "submit_ray_run" } as const;

const task = (backend: string) => `(CASE ${backend}::text WHEN 'ray' THEN '${RUN_TASKS.ray}' ELSE '${RUN_TASKS.local}' END)`;

/**
 * The call that adds a run's queue entry, naming the statement's parameters for the run id and its
 * backend (the launch's one statement has them elsewhere). One attempt: a run that started and died
 * is reconciled (lib/runs/reconcile.ts), never silently started a second time. The job key is the run
 * id, so the entry cannot be added twice.
 */
export const enqueueRunCall = (runId: string, backend: string) =>
  `SELECT graphile_worker.add_job(${task(backend)}, json_build_object('runId', ${runId}::text), max_attempts => 1, job_key => ${runId}::text)`;

/** Adds a run's queue entry (`$1` run id, `$2` its backend). */
export const enqueueRunSql = enqueueRunCall("$1", "$2");

/** The run's queue entry again, `$3` seconds from now (its backend was away); replaces a waiting one with the same key. */
export const enqueueRunLaterSql = `SELECT graphile_worker.add_job(${task("$2")}, json_build_object('runId', $1::text), max_attempts => 1, job_key => $1::text, run_at => now() + make_interval(secs => $3::int))`;
