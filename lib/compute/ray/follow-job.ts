import "server-only";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import { ResultExtractor } from "@/lib/compute/local/result-extractor";
import { levelOf } from "@/lib/compute/local-backend/log-sink";
import { appendEvents, type NewEvent } from "@/lib/runs/event-store";
import { ACTIVE_STATUSES } from "@/lib/runs/schemas";
import { hubLog, transition, type Outcome } from "@/lib/runs/transitions";
import { RayError, type RayClient, type RayJob } from "./ray-client";

export type WatchedRun = {
  id: string;
  method: string;
  status: string;
  cancelRequested: boolean;
  logOffset: number;
  error: string | null;
  hasResult: boolean;
};

const TERMINAL = new Set(["SUCCEEDED", "FAILED", "STOPPED"]);

const state = processSingleton("ray.follow-job", () => ({
  /** When each run's job last failed to answer (first failure of the current outage). */
  silentSince: new Map<string, number>(),
  /** Each run's log reader, which picks out the result printed between the markers. */
  readers: new Map<string, { extractor: ResultExtractor; lines: string[] }>(),
}));

/** One tick for a submitted job: pass a cancel on, merge new log lines, follow its status, end it when Ray ended it. */
export async function followJobRun(client: RayClient, run: WatchedRun, unreachableLimitS: number): Promise<void> {
  try {
    if (run.cancelRequested) await client.stopJob(run.id);
    const job = await client.getJob(run.id);
    if (run.cancelRequested && job.status === "PENDING") {
      // Ray acknowledges the stop of a job waiting for resources but leaves it PENDING (until its start
      // timeout, 15 min): the hub's verdict stands at once.
      await transition(run.id, "cancelled", { events: [hubLog("Stopped while it waited for the cluster's resources.", "warning")] });
      return;
    }
    state.silentSince.delete(run.id);
    const ended = TERMINAL.has(job.status);
    await mergeLog(client, run, ended);
    if (job.status === "RUNNING" && run.status === "starting") await transition(run.id, "running");
    if (ended) await endRun(run, job);
  } catch (error) {
    if (!(error instanceof RayError)) throw error;
    if (error.kind === "not_found") {
      await fail(run.id, "The Ray cluster no longer knows this run's job (the cluster was restarted, or the job was deleted there).");
    } else if (error.kind === "unreachable") {
      const since = state.silentSince.get(run.id) ?? Date.now();
      state.silentSince.set(run.id, since);
      const silent = (Date.now() - since) / 1000;
      if (silent >= unreachableLimitS) {
        await fail(run.id, `Lost contact with the Ray cluster for ${Math.round(silent)} s (RAY_UNREACHABLE_TIMEOUT_SECONDS): ${error.message}`);
      }
    } else console.error(`following Ray job ${run.id}:`, error.message);
  }
}

/**
 * Appends the driver log's new complete lines to the run's log, and moves the offset in the same
 * statement, so a line is never stored twice, whichever instance follows the run next. The result
 * markers and what lies between them are kept out of the log, as on the local backend.
 */
async function mergeLog(client: RayClient, run: WatchedRun, ended: boolean): Promise<void> {
  const { logs } = await client.jobLogs(run.id);
  if (logs.length <= run.logOffset) return;
  let chunk = logs.slice(run.logOffset);
  if (!ended) chunk = chunk.slice(0, chunk.lastIndexOf("\n") + 1); // a line still being written waits
  if (!chunk) return;
  const reader = readerOf(run.id);
  for (const line of chunk.replace(/\n$/, "").split(/\r?\n/)) reader.extractor.line(line);
  const events: NewEvent[] = reader.lines.splice(0).map((line) => ({
    type: "log",
    data: { level: levelOf(line), message: line.slice(0, 65_536), source: "stdout" },
  }));
  await appendEvents(run.id, events, {
    changes: { backend_log_offset: run.logOffset + chunk.length },
    onlyWhen: ACTIVE_STATUSES,
    cap: env().RUN_MAX_EVENTS,
  });
}

/** The run's log reader: lines outside the result markers collect in `lines`. */
function readerOf(runId: string): { extractor: ResultExtractor; lines: string[] } {
  let reader = state.readers.get(runId);
  if (!reader) {
    const lines: string[] = [];
    reader = { extractor: new ResultExtractor((line) => lines.push(line)), lines };
    state.readers.set(runId, reader);
  }
  return reader;
}

/** How the run ends, from how its job ended and what the plugin itself reported. */
async function endRun(run: WatchedRun, job: RayJob): Promise<void> {
  const printed = state.readers.get(run.id)?.extractor.result();
  state.readers.delete(run.id);
  const exitCode = job.driver_exit_code ?? undefined;
  let final: "succeeded" | "failed" | "cancelled";
  let outcome: Outcome;
  if (job.status === "STOPPED") {
    [final, outcome] = run.cancelRequested ? ["cancelled", { exitCode }] : ["failed", { exitCode, error: "The Ray job was stopped outside the hub." }];
  } else if (job.status === "SUCCEEDED" && !run.error) {
    const value = printed?.found && "value" in printed ? printed.value : undefined;
    [final, outcome] = ["succeeded", { exitCode: exitCode ?? 0, result: run.hasResult ? undefined : value }];
  } else {
    // Ray's message ends with the log's tail, which the run's log already holds.
    const reason = job.message?.split(/, last available logs|\n/)[0];
    const error = run.error ?? `The Ray job failed${reason ? `: ${reason}` : "."}`;
    [final, outcome] = ["failed", { exitCode, error }];
  }
  await transition(run.id, final, { outcome });
}

async function fail(runId: string, message: string): Promise<void> {
  state.silentSince.delete(runId);
  state.readers.delete(runId);
  await transition(runId, "failed", { events: [hubLog(message, "error")], outcome: { error: message } });
}
