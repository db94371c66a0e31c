import "server-only";
import pg from "pg";
import { Logger, run, runMigrations, type Runner } from "graphile-worker";
import { databaseUrl, env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import { onShutdown } from "@/lib/shutdown";
import { executeLocalRun } from "@/lib/compute/local-backend/execute";
import { submitRayRun } from "@/lib/compute/ray/submit-run";
import { rayConfig } from "@/lib/compute/ray/ray-config";
import { RUN_TASKS } from "./queue";
import { hubLog, transition } from "./transitions";

const holder = processSingleton("run-worker", () => ({ runners: [] as Runner[], pool: undefined as pg.Pool | undefined }));

const workerPool = () => (holder.pool ??= queuePool());

function queuePool(): pg.Pool {
  const created = new pg.Pool({ connectionString: databaseUrl(), max: 6, application_name: "synapse-hub run worker" });
  // An idle connection the server drops (a restart, pg_terminate_backend) errors on the pool: the
  // pool replaces it; without a listener the error would end the process.
  created.on("error", (error) => console.error(`run queue: idle database connection lost: ${error.message}`));
  // The same for a connection the worker holds: the error also reaches its next query. With both
  // listeners graphile-worker does not warn "Your pool doesn't have all of the error handlers!" at
  // every start.
  created.on("connect", (client) => client.on("error", (error) => console.error(`run queue: database connection lost: ${error.message}`)));
  return created;
}

/** The queue's tables and functions; before any launch can add a job (runs at start-up, idempotent). */
export async function migrateQueue(): Promise<void> {
  await runMigrations({ pgPool: workerPool(), logger: quietLogger });
}

/** How many Ray hand-overs one instance makes at once (each lasts one submit, not the run). */
const RAY_CONCURRENCY = 4;

/**
 * This instance's workers: one takes local runs off the Postgres queue and executes them, at most
 * LOCAL_CONCURRENCY at once (a run holds its slot until its process ends; others wait `queued`); with
 * a Ray cluster, another hands Ray runs over to it. Each takes only its own task from the queue.
 */
export async function startRunWorker(): Promise<void> {
  if (holder.runners.length || !env().RUN_WORKER) return;
  onShutdown("run worker", async () => {
    await Promise.all(holder.runners.map((runner) => runner.stop())); // take no new runs; the ones running are stopped by their backend
  });
  const start = (task: string, concurrency: number, execute: (runId: string) => Promise<void>) =>
    run({
      pgPool: workerPool(),
      concurrency,
      noHandleSignals: true,
      pollInterval: 1000,
      logger: quietLogger,
      taskList: { [task]: async (payload) => runOrFail((payload as { runId: string }).runId, execute) },
    });
  holder.runners.push(await start(RUN_TASKS.local, env().LOCAL_CONCURRENCY, executeLocalRun));
  if (rayConfig()) holder.runners.push(await start(RUN_TASKS.ray, RAY_CONCURRENCY, submitRayRun));
}

async function runOrFail(runId: string, execute: (runId: string) => Promise<void>): Promise<void> {
  try {
    await execute(runId);
  } catch (error) {
    // Whatever went wrong, the run must not stay queued or starting: its job has one attempt.
    console.error(`run ${runId} could not be executed:`, error);
    const message = `The hub could not execute the run: ${error instanceof Error ? error.message : String(error)}`;
    await transition(runId, "failed", { events: [hubLog(message, "error")], outcome: { error: message } }).catch(() => {});
  }
}

// graphile-worker logs every job at info level; the run's own events say what happened.
const quietLogger = new Logger(() => (level: string, message: string) => {
  if (level === "error" || level === "warning") console.error(`run queue: ${message}`);
});
