import "server-only";
import path from "node:path";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { PluginConfig } from "@/lib/registry/config/normalize-config";
import { runProcess, type RunProcessOutcome } from "@/lib/compute/local/run-process";
import { appendEvents } from "@/lib/runs/event-store";
import { instanceId } from "@/lib/runs/instance";
import { issueRunToken } from "@/lib/runs/run-token";
import { ACTIVE_STATUSES, isTerminal } from "@/lib/runs/schemas";
import { hubLog, transition, type Outcome } from "@/lib/runs/transitions";
import { isShuttingDown, trackRun, untrackRun } from "./active-runs";
import { createLogSink } from "./log-sink";
import { computeRoot, prepareVersion } from "./prepare";
import { clearRunDir, pluginEnvironment, runCommand } from "./run-environment";
import { freePort, waitForPort } from "./ports";
import { withRetries } from "./with-retries";
import { VERSION_GONE } from "@/lib/runs/version-gone";
import { ingestRunStorage } from "@/lib/synapse/export/ingest-run-storage";

type Final = "succeeded" | "failed" | "cancelled";

/**
 * Executes one run on this machine: prepare the version, start its process in a process group of its
 * own, stream its console into the run's log, and end the run from how the process ended. Resolves
 * when a job or task has finished; for a `serve` action, once the server answers (it then lives on
 * until it is stopped), so a long-lived deployment does not hold one of the concurrency slots.
 * Whatever fails, the run ends, and no process is left behind untracked.
 */
export async function executeLocalRun(runId: string): Promise<void> {
  const run = await db().run.findUnique({ where: { id: runId }, include: { pluginVersion: { select: { sha256: true, format: true, config: true } } } });
  if (!run || isTerminal(run.status)) return;
  const version = run.pluginVersion;
  if (!version) return void (await transition(runId, "failed", { outcome: { error: VERSION_GONE } }));
  // Tracked before it is ours: the reconciler ends this instance's starting/running runs it does not track.
  const controller = trackRun(runId);
  if (!(await transition(runId, "starting", { changes: { node: instanceId() } }))) return untrackRun(runId);
  const config = version.config as unknown as PluginConfig;
  const action = config.actions[run.action];
  const serve = run.method === "serve";
  const runDir = path.join(computeRoot(), "runs", runId);
  const log = createLogSink(runId, env().RUN_MAX_LOG_LINES);

  let ended: Promise<void> | undefined;
  const end = (final: Final, outcome: Outcome): Promise<void> =>
    (ended ??= (async () => {
      // What the run wrote to the hub's storage (an SDK export) is listed before the run reads as ended.
      await ingestRunStorage(runId, (line, level) => log.add(line, "hub", level)).catch((error) =>
        log.add(`Storing the run's output failed: ${error}`, "hub", "error"),
      );
      await log.close();
      // The run must end even through a database blip: retried, then left to the reconciler.
      await withRetries(`ending run ${runId}`, async () => {
        const moved = await transition(runId, final, { outcome });
        // The plugin may have been ended already (a cancel of a queued run); the exit code is still worth keeping.
        if (!moved && outcome.exitCode !== undefined) await appendEvents(runId, [], { changes: { exit_code: outcome.exitCode } });
      }).catch((error) => console.error(error.message));
      await clearRunDir(runDir);
      untrackRun(runId);
    })());

  /** How the run ends, from how its process ended and what the plugin reported. */
  const verdict = async (outcome: RunProcessOutcome): Promise<[Final, Outcome]> => {
    if (outcome.cancelled && isShuttingDown()) return ["failed", { exitCode: outcome.exitCode, error: "Stopped: the hub instance running it shut down." }];
    if (outcome.cancelled) return ["cancelled", { exitCode: outcome.exitCode }];
    if (outcome.timedOut) {
      return [
        "failed",
        { exitCode: outcome.exitCode, error: `Timed out after ${run.timeoutSeconds} s (the run's wall-clock limit); the process was stopped.` },
      ];
    }
    // What the plugin itself reported (its FAILED error) is the better explanation of a failure.
    const reported = await db().run.findUnique({ where: { id: runId }, select: { error: true, result: true } });
    if (outcome.exitCode === 0 && !serve && !reported?.error) {
      // The result the plugin reported, else the one it printed between the markers.
      return ["succeeded", { exitCode: 0, result: reported?.result == null ? outcome.result : undefined }];
    }
    const how = outcome.exitCode !== null ? `exited with code ${outcome.exitCode}` : `was killed by ${outcome.signal}`;
    return ["failed", { exitCode: outcome.exitCode, error: reported?.error ?? `The process ${how}${log.lastError() ? `: ${log.lastError()}` : "."}` }];
  };

  let exited: Promise<RunProcessOutcome> | undefined;
  try {
    if (run.cancelRequested) return await end("cancelled", {});
    const prepared = await prepareVersion({ ...version, config }, (line) => log.add(line, "hub"), controller.signal);
    if (controller.signal.aborted) return await end("cancelled", {});
    const token = await issueRunToken(runId);
    const servePort = serve ? await freePort() : undefined;
    const spec = {
      runId,
      action: run.action,
      method: run.method,
      entrypoint: action.entrypoint,
      params: run.params,
      token,
      pluginEnv: pluginEnvironment(config.env),
      servePort,
    };
    const command = await runCommand(prepared, spec, runDir);
    log.add(`$ python ${command.args.join(" ")} (${action.entrypoint})`, "hub");

    let recorded: Promise<unknown> = Promise.resolve();
    exited = runProcess({
      ...command,
      timeoutMs: serve ? undefined : run.timeoutSeconds * 1000,
      graceMs: env().RUN_KILL_GRACE_SECONDS * 1000,
      signal: controller.signal,
      onSpawn: (pid) => {
        // The pid first, on its own (the plugin's own RUNNING report may move the status before us):
        // after a crash it is how the process group is found. A job runs once its process exists; a
        // serve action once it answers.
        const changes = serve ? { pid, serve_port: servePort! } : { pid };
        recorded = appendEvents(runId, [], { changes, onlyWhen: ACTIVE_STATUSES }).then(() => (serve ? null : transition(runId, "running")));
      },
      // Lines arrive in batches; while a batch is being stored the process's pipes wait (back-pressure).
      onLines: async (batch) => {
        for (const { stream, line } of batch) log.add(line, stream);
        await log.flush();
      },
    });
    const finished = exited.then(async (outcome) => {
      await recorded.catch(() => {});
      return verdict(outcome);
    });

    if (serve) {
      const waiting = new AbortController();
      const answered = await Promise.race([
        waitForPort(servePort!, AbortSignal.any([controller.signal, waiting.signal])).then(() => true),
        exited.then(() => false),
      ]);
      waiting.abort();
      if (answered) {
        await transition(runId, "running"); // the plugin may have said RUNNING already
        await appendEvents(runId, [hubLog(`Serving at /serve/${runId}/`, "success")]);
      }
      // It lives on; the run ends when it stops (cancel) or dies.
      void finished.then(([final, outcome]) => end(final, outcome)).catch((error) => console.error(`run ${runId}:`, error));
      return;
    }
    const [final, outcome] = await finished;
    await end(final, outcome);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.add(message, "hub", "error");
    const cancelled = controller.signal.aborted;
    if (exited) {
      // Never leave a process running that nothing tracks: stop it and wait for it first.
      controller.abort();
      await exited.catch(() => undefined);
    }
    await end(cancelled ? "cancelled" : "failed", { error: cancelled ? null : message });
  }
}
