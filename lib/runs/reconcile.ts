import "server-only";
import { pool } from "@/lib/db/pool";
import { killGroupIfOurs } from "@/lib/compute/local/run-process";
import { processSingleton } from "@/lib/process-singleton";
import { hostname } from "node:os";
import { isTracked } from "@/lib/compute/local-backend/active-runs";
import { ingestRunStorage } from "@/lib/synapse/export/ingest-run-storage";
import { hostOf, instanceId, ownerIsGone } from "./instance";
import { enqueueRunSql } from "./queue";
import { hubLog, transition } from "./transitions";

const INTERVAL_MS = 30_000;
const state = processSingleton("run-reconciler", () => ({ started: false }));

/**
 * Ends runs that an instance of the hub left `starting` or `running` when it died (a crash, a
 * SIGKILL, a restart; see instance.ts for how a dead instance is told): their process group is
 * stopped if it still lives on this machine, and the run fails with a clear cause. Never hangs a run.
 * Runs once at start-up and then every 30 s, so a sibling instance's crash is noticed too.
 * What such a run wrote to storage 1 (a finished SDK export's files) is taken in as its artifacts
 * first, as its own end would have, and the folder removed: otherwise it would stay on disk forever.
 */
export async function reconcileRuns(): Promise<number> {
  const { rows } = await pool().query<{ id: string; node: string; pid: number | null }>(
    "SELECT id, node, pid FROM runs WHERE status IN ('starting', 'running') AND backend = 'local' AND node IS NOT NULL",
  );
  let ended = 0;
  for (const run of rows) {
    let error: string;
    if (run.node === instanceId()) {
      // Ours, but nothing here executes it (an end that could not be written): it cannot end by itself.
      if (isTracked(run.id)) continue;
      error = "Lost: this hub instance no longer tracks the run's process.";
    } else {
      if (!(await ownerIsGone(run.node))) continue;
      error = "Interrupted: the hub instance running it stopped (a restart or a crash) before it finished.";
    }
    // Its processes live on this machine only if its instance did; a reused pid is never hit.
    const events = [hubLog(error, "error")];
    if (hostOf(run.node) === hostname()) {
      if (run.pid) await killGroupIfOurs(run.pid, run.id);
      await ingestRunStorage(run.id, (line, level) => events.push(hubLog(line, level))).catch((cause) =>
        events.push(hubLog(`Storing the run's output failed: ${cause}`, "error")),
      );
    }
    if (await transition(run.id, "failed", { events, outcome: { error } })) ended++;
  }
  return ended + (await requeueLost());
}

/**
 * A run is queued but no worker will ever take it when the instance that took its job died before it
 * marked the run `starting` (the job's one attempt is spent). Such runs go back on the queue; if that
 * instance was alive after all, only one of the two executions can move the run out of `queued`.
 */
async function requeueLost(): Promise<number> {
  const { rows } = await pool().query<{ id: string; backend: string }>(`
    SELECT r.id, r.backend FROM runs r
    WHERE r.status = 'queued' AND r.created_at < now() - interval '2 minutes'
      AND NOT EXISTS (SELECT 1 FROM graphile_worker._private_jobs j WHERE j.key = r.id::text AND j.is_available)`);
  for (const { id, backend } of rows) await pool().query(enqueueRunSql, [id, backend]);
  if (rows.length) console.log(`Put ${rows.length} run(s) back on the queue (their worker was gone).`);
  return rows.length;
}

export function startReconciler(): void {
  if (state.started) return;
  state.started = true;
  const tick = () => reconcileRuns().catch((error) => console.error("could not reconcile runs:", error));
  void tick().then((n) => n && console.log(`Ended ${n} run(s) interrupted by a restart.`));
  setInterval(tick, INTERVAL_MS).unref();
}
