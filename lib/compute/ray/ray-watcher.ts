import "server-only";
import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import { onShutdown } from "@/lib/shutdown";
import { followJobRun, type WatchedRun } from "./follow-job";
import { followServeRuns } from "./follow-serve";
import { rayClient } from "./ray-client";
import { rayConfig } from "./ray-config";

const TICK_MS = 1000;
// See serve-apps.ts for the Ray backend's advisory lock keys.
const LOCK = [7708, 2];

const state = processSingleton("ray-watcher", () => ({ timer: undefined as NodeJS.Timeout | undefined, ticking: false }));

/**
 * Keeps the hub's Ray runs in step with the cluster: every second, one instance (whichever holds the
 * advisory lock for that tick) reads each submitted run's job or application, merges its driver log
 * into the run's log, passes cancels on, and ends runs that ended there. Started with the hub, so a
 * restarted instance picks every non-terminal Ray run up again within a tick.
 */
export function startRayWatcher(): void {
  if (state.timer || !rayConfig()) return;
  state.timer = setInterval(() => void tick(), TICK_MS);
  state.timer.unref();
  void tick();
  onShutdown("ray watcher", async () => clearInterval(state.timer));
}

async function tick(): Promise<void> {
  if (state.ticking) return;
  state.ticking = true;
  const db = await pool()
    .connect()
    .catch(() => null);
  try {
    if (!db) return;
    await db.query("BEGIN");
    const { rows: lock } = await db.query<{ held: boolean }>("SELECT pg_try_advisory_xact_lock($1, $2) AS held", LOCK);
    if (!lock[0].held) return; // another instance follows the cluster this tick
    const { rows } = await pool().query<WatchedRun>(
      `SELECT id, method, status, cancel_requested AS "cancelRequested", backend_log_offset AS "logOffset", error, result IS NOT NULL AS "hasResult"
       FROM runs WHERE backend = 'ray' AND status IN ('starting', 'running')`,
    );
    const client = rayClient();
    const limit = env().RAY_UNREACHABLE_TIMEOUT_SECONDS;
    await Promise.all([
      ...rows.filter((run) => run.method !== "serve").map((run) => followJobRun(client, run, limit)),
      followServeRuns(
        client,
        rows.filter((run) => run.method === "serve"),
        limit,
      ),
    ]);
  } catch (error) {
    console.error("could not follow the Ray runs:", error);
  } finally {
    await db?.query("COMMIT").catch(() => {});
    db?.release();
    state.ticking = false;
  }
}
