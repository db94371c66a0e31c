import "server-only";
import { pool } from "@/lib/db/pool";
import { processSingleton } from "@/lib/process-singleton";
import { appendEvents } from "@/lib/runs/event-store";
import { hubLog, transition } from "@/lib/runs/transitions";
import type { WatchedRun } from "./follow-job";
import { RayError, type RayClient, type ServeStatus } from "./ray-client";
import { appName, undeployServeRun } from "./serve-apps";

const state = processSingleton("ray.follow-serve", () => ({ silentSince: undefined as number | undefined }));

/**
 * One tick for the serve runs on Ray, from one read of Serve's applications: a cancel undeploys and
 * ends the run; an application that is RUNNING makes its run running (the proxy then reaches it); one
 * that failed to deploy, or vanished, fails its run with Serve's own message. Applications whose runs
 * ended some other way are removed.
 */
export async function followServeRuns(client: RayClient, runs: WatchedRun[], unreachableLimitS: number): Promise<void> {
  const { rows: leftovers } = await pool().query<{ id: string }>(
    "SELECT a.run_id AS id FROM ray_serve_apps a JOIN runs r ON r.id = a.run_id WHERE r.status IN ('succeeded', 'failed', 'cancelled')",
  );
  if (runs.length === 0 && leftovers.length === 0) return;
  let status: ServeStatus;
  try {
    status = await client.serveStatus();
    state.silentSince = undefined;
  } catch (error) {
    if (!(error instanceof RayError) || error.kind !== "unreachable") throw error;
    state.silentSince ??= Date.now();
    const silent = (Date.now() - state.silentSince) / 1000;
    if (silent < unreachableLimitS) return;
    for (const run of runs) await fail(client, run.id, `Lost contact with the Ray cluster for ${Math.round(silent)} s: ${error.message}`);
    return;
  }
  for (const { id } of leftovers) await undeployServeRun(client, id);
  for (const run of runs) {
    if (run.cancelRequested) {
      await undeployServeRun(client, run.id);
      await transition(run.id, "cancelled", { events: [hubLog("The Serve application was removed.")] });
      continue;
    }
    const app = status.applications[appName(run.id)];
    if (!app) {
      await fail(client, run.id, "The Serve application is gone from the cluster (removed outside the hub, or the cluster was restarted).");
    } else if (app.status === "RUNNING" && run.status === "starting") {
      if (await transition(run.id, "running"))
        await appendEvents(run.id, [hubLog(`Serving at /serve/${run.id}/ (Ray Serve application ${appName(run.id)})`, "success")]);
    } else if (app.status === "DEPLOY_FAILED") {
      await fail(client, run.id, `Ray Serve could not deploy the application: ${(app.message ?? "no reason given").slice(0, 4000)}`);
    }
  }
}

async function fail(client: RayClient, runId: string, message: string): Promise<void> {
  await transition(runId, "failed", { events: [hubLog(message, "error")], outcome: { error: message } });
  await undeployServeRun(client, runId).catch((error) => console.error(`could not remove the Serve application of ${runId}:`, error.message));
}
