import "server-only";
import pg from "pg";
import { pool } from "@/lib/db/pool";
import { jsonb } from "@/lib/runs/event-store";
import { issueRunToken } from "@/lib/runs/run-token";
import { runtimeEnvFor, type RaySpecInput, type RunResources } from "./job-spec";
import type { RayClient } from "./ray-client";

/** The application of a serve run on Ray: its name and route prefix. */
export const appName = (runId: string) => `shub-${runId}`;
const OURS = /^shub-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
// Advisory lock keys of the Ray backend (class 7708): 1 = the Serve list's writer, 2 = the watcher.
const LOCK = [7708, 1];

/**
 * Deploys a serve run as a Serve application. The application runs the hub's runtime adapter
 * (runtime/synapse_hub_runtime/ray_serve.py), which starts the action's server the way the local
 * backend does and answers Serve's requests through it.
 */
export async function deployServeRun(client: RayClient, input: RaySpecInput): Promise<void> {
  const name = appName(input.runId);
  const token = await issueRunToken(input.runId);
  const config = {
    name,
    route_prefix: `/${name}`,
    import_path: "synapse_hub_runtime.ray_serve:app",
    runtime_env: runtimeEnvFor({ ...input, token }, { SYNAPSE_SERVE_PREFIX: `/serve/${input.runId}`, SYNAPSE_RAY_ROUTE_PREFIX: `/${name}` }),
    ...(input.resources ? { deployments: [{ name: "ServeAction", ray_actor_options: actorOptions(input.resources) }] } : {}),
  };
  await withServeLock(client, (db) =>
    db.query("INSERT INTO ray_serve_apps (run_id, name, config) VALUES ($1, $2, $3::jsonb) ON CONFLICT (run_id) DO UPDATE SET config = EXCLUDED.config", [
      input.runId,
      name,
      jsonb(config),
    ]),
  );
}

function proxyBinding(serveUrl: string): { host: string; port: number } {
  const url = new URL(serveUrl);
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  return { host: loopback ? "127.0.0.1" : "0.0.0.0", port: Number(url.port || (url.protocol === "https:" ? 443 : 80)) };
}

/** The launch's resources as a Serve replica's actor options. */
function actorOptions(resources: RunResources): Record<string, number> {
  return {
    ...(resources.cpus !== undefined ? { num_cpus: resources.cpus } : {}),
    ...(resources.gpus !== undefined ? { num_gpus: resources.gpus } : {}),
    ...(resources.memoryMb !== undefined ? { memory: resources.memoryMb * 1024 * 1024 } : {}),
  };
}

/** Removes a serve run's application (cancel, failure); a no-op when it is not deployed. */
export async function undeployServeRun(client: RayClient, runId: string): Promise<void> {
  await withServeLock(client, (db) => db.query("DELETE FROM ray_serve_apps WHERE run_id = $1", [runId]));
}

/**
 * Changes the hub's list and sends Serve the whole of it, one writer at a time across every instance
 * (a transaction-level advisory lock, released when the transaction ends, or when a writer dies). The
 * list always carries the applications others deployed, as Serve reports them: the hub never removes
 * what it did not create. One of ours is recognised by its name *and* its run existing here, so two hubs
 * sharing a cluster keep each other's.
 */
async function withServeLock(client: RayClient, change: (db: pg.PoolClient) => Promise<unknown>): Promise<void> {
  const db = await pool().connect();
  try {
    await db.query("BEGIN");
    await db.query("SELECT pg_advisory_xact_lock($1, $2)", LOCK);
    await change(db);
    const ours = await db.query<{ name: string; config: Record<string, unknown> }>("SELECT name, config FROM ray_serve_apps ORDER BY created_at");
    const current = await client.serveStatus();
    const candidates = Object.keys(current.applications)
      .map((name) => OURS.exec(name)?.[1])
      .filter((id): id is string => id !== undefined);
    const known = new Set(
      candidates.length ? (await db.query<{ id: string }>("SELECT id::text FROM runs WHERE id = ANY($1::uuid[])", [candidates])).rows.map((r) => r.id) : [],
    );
    const others = Object.entries(current.applications)
      .filter(([name]) => !known.has(OURS.exec(name)?.[1] ?? ""))
      .map(([, app]) => app.deployed_app_config)
      .filter((config): config is Record<string, unknown> => !!config);
    await client.putServe({
      // Serve reads its proxy's address only when it starts (later values are ignored): if this PUT
      // starts it, it listens where RAY_SERVE_URL says, not on Serve's default 0.0.0.0:8000.
      ...(current.http_options ? {} : { http_options: proxyBinding(client.config.serveUrl) }),
      applications: [...others, ...ours.rows.map((row) => row.config)],
    });
    await db.query("COMMIT");
  } catch (error) {
    await db.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    db.release();
  }
}
