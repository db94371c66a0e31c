import "server-only";
import pg from "pg";
import { Logger, run, runMigrations, type Runner } from "graphile-worker";
import { databaseUrl, env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import { onShutdown } from "@/lib/shutdown";
import { executeLocalRun } from "@/lib/compute/local-backend/execute";
import { RUN_TASK } from "./queue";
import { hubLog, transition } from "./transitions";

const holder = processSingleton("run-worker", () => ({ runner: undefined as Runner | undefined, pool: undefined as pg.Pool | undefined }));

const workerPool = () => (holder.pool ??= new pg.Pool({ connectionString: databaseUrl(), max: 4, application_name: "synapse-hub run worker" }));

/** The queue's tables and functions; before any launch can add a job (runs at start-up, idempotent). */
export async function migrateQueue(): Promise<void> {
  await runMigrations({ pgPool: workerPool(), logger: quietLogger });
}

/**
 * This instance's worker: takes launched runs off the Postgres queue and executes them, at most
 * LOCAL_CONCURRENCY at once (a job holds its slot until its process ends; others wait `queued`).
 */
export async function startRunWorker(): Promise<void> {
  if (holder.runner || !env().RUN_WORKER) return;
  onShutdown("run worker", async () => {
    await holder.runner?.stop(); // take no new runs; the ones running are stopped by their backend
  });
  holder.runner = await run({
    pgPool: workerPool(),
    concurrency: env().LOCAL_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: quietLogger,
    taskList: {
      // (each run's task holds its slot until the run ends)
      [RUN_TASK]: async (payload) => {
        const { runId } = payload as { runId: string };
        try {
          await executeLocalRun(runId);
        } catch (error) {
          // Whatever went wrong, the run must not stay queued or starting: its job has one attempt.
          console.error(`run ${runId} could not be executed:`, error);
          const message = `The hub could not execute the run: ${error instanceof Error ? error.message : String(error)}`;
          await transition(runId, "failed", { events: [hubLog(message, "error")], outcome: { error: message } }).catch(() => {});
        }
      },
    },
  });
}

// graphile-worker logs every job at info level; the run's own events say what happened.
const quietLogger = new Logger(() => (level: string, message: string) => {
  if (level === "error" || level === "warning") console.error(`run queue: ${message}`);
});
