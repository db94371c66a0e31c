import "server-only";
import path from "node:path";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { PluginConfig } from "@/lib/registry/config/normalize-config";
import { runProcess } from "@/lib/compute/local/run-process";
import { appendEvents } from "@/lib/runs/event-store";
import { instanceId } from "@/lib/runs/instance";
import { issueRunToken } from "@/lib/runs/run-token";
import { isTerminal } from "@/lib/runs/schemas";
import { hubLog, transition, type Outcome } from "@/lib/runs/transitions";
import { trackRun, untrackRun } from "./active-runs";
import { createLogSink, levelOf } from "./log-sink";
import { computeRoot, prepareVersion } from "./prepare";
import { runCommand } from "./run-environment";
import { freePort, waitForPort } from "./ports";

/**
 * Executes one run on this machine: prepare the version, start its process in a process group of its
 * own, stream its console into the run's log, and end the run from how the process ended. Resolves
 * when a job or task has finished; for a `serve` action, once the server answers (it then lives on
 * until it is stopped), so a long-lived deployment does not hold one of the concurrency slots.
 */
export async function executeLocalRun(runId: string): Promise<void> {
  const run = await db().run.findUnique({ where: { id: runId }, include: { pluginVersion: { select: { sha256: true, format: true, config: true } } } });
  if (!run || isTerminal(run.status)) return;
  if (!(await transition(runId, "starting", { changes: { node: instanceId() } }))) return;
  const config = run.pluginVersion.config as unknown as PluginConfig;
  const action = config.actions[run.action];
  const serve = run.method === "serve";
  const controller = trackRun(runId);
  const log = createLogSink(runId, env().RUN_MAX_LOG_LINES);
  let lastError: string | undefined; // the last error line on the console: the likely cause of a failure
  const finish = async (final: "succeeded" | "failed" | "cancelled", outcome: Outcome) => {
    await log.close();
    // The plugin may have ended the run itself (a final PATCH); the exit code is still worth keeping.
    const ended = await transition(runId, final, { outcome });
    if (!ended && outcome.exitCode !== undefined) await appendEvents(runId, [], { changes: { exit_code: outcome.exitCode } });
    untrackRun(runId);
  };

  try {
    if (run.cancelRequested) return await finish("cancelled", {});
    const prepared = await prepareVersion({ ...run.pluginVersion, config }, (line) => log.add(line, "hub"), controller.signal);
    if (controller.signal.aborted) return await finish("cancelled", {});
    const token = await issueRunToken(runId);
    const servePort = serve ? await freePort() : undefined;
    const runDir = path.join(computeRoot(), "runs", runId);
    const pluginEnv = stringRecord(config.env);
    const spec = { runId, action: run.action, method: run.method, entrypoint: action.entrypoint, params: run.params, token, pluginEnv, servePort };
    const command = await runCommand(prepared, spec, runDir);
    log.add(`$ python -m ${command.args[1]} (${action.entrypoint})`, "hub");

    let ended = false;
    let spawned!: () => void;
    const started = new Promise<void>((resolve) => (spawned = resolve));
    const exited = runProcess({
      ...command,
      timeoutMs: serve ? undefined : run.timeoutSeconds * 1000,
      graceMs: env().RUN_KILL_GRACE_SECONDS * 1000,
      signal: controller.signal,
      onSpawn: (pid) => {
        // A serve action counts as running once it answers; a job as soon as its process exists.
        const changes = serve ? { pid, serve_port: servePort! } : { pid };
        void (serve ? appendEvents(runId, [], { changes }) : transition(runId, "running", { changes })).finally(spawned);
      },
      // Lines arrive in batches; while a batch is being stored the process's pipes wait (back-pressure).
      onLines: async (batch) => {
        for (const { stream, line } of batch) {
          if (levelOf(line) === "error") lastError = line.slice(0, 500);
          log.add(line, stream);
        }
        await log.flush();
      },
    }).then(async (outcome) => {
      ended = true;
      await started;
      if (outcome.cancelled) return finish("cancelled", { exitCode: outcome.exitCode });
      if (outcome.timedOut)
        return finish("failed", {
          exitCode: outcome.exitCode,
          error: `Timed out after ${run.timeoutSeconds} s (the run's wall-clock limit); the process was stopped.`,
        });
      // What the plugin itself reported (its FAILED error) is the better explanation of a failure.
      const reported = await db().run.findUnique({ where: { id: runId }, select: { error: true, result: true } });
      if (outcome.exitCode === 0 && !serve && !reported?.error) {
        // The result the plugin reported, else the one it printed between the markers.
        return finish("succeeded", { exitCode: 0, result: reported?.result == null ? outcome.result : undefined });
      }
      const how = outcome.exitCode !== null ? `exited with code ${outcome.exitCode}` : `was killed by ${outcome.signal}`;
      return finish("failed", { exitCode: outcome.exitCode, error: reported?.error ?? `The process ${how}${lastError ? `: ${lastError}` : "."}` });
    });

    if (serve) {
      await Promise.race([waitForPort(servePort!, controller.signal), exited]);
      if (ended) return; // it exited before it ever answered: already failed
      // The plugin may have said RUNNING already; either way it answers now.
      await transition(runId, "running");
      await appendEvents(runId, [hubLog(`Serving at /serve/${runId}/`, "success")]);
      void exited.catch((error) => console.error(`run ${runId} failed:`, error));
      return;
    }
    await exited;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.add(message, "hub", "error");
    await finish(controller.signal.aborted ? "cancelled" : "failed", { error: message });
  }
}

/** config.yaml's `env`: only string values of plain names reach the process. */
function stringRecord(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([name]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      .map(([name, v]) => [name, String(v)]),
  );
}
