import "server-only";
import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { BACKENDS, type BackendName } from "@/lib/runs/schemas";
import { rayClient, RayError } from "./ray/ray-client";
import { defaultBackend, rayConfig } from "./ray/ray-config";
import type { ComputeView, RayCluster } from "./schemas";

/** What the hub can run on, read live: the local backend's limits, and the Ray cluster as it answers now. */
export async function computeView(): Promise<ComputeView> {
  const [ray, runs] = await Promise.all([rayCluster(), activeRuns()]);
  return { defaultBackend: defaultBackend(), local: { concurrency: env().LOCAL_CONCURRENCY, worker: env().RUN_WORKER }, ray, runs };
}

async function rayCluster(): Promise<RayCluster | null> {
  const config = rayConfig();
  if (!config) return null;
  const base: RayCluster = {
    address: config.address,
    serveUrl: config.serveUrl,
    reachable: false,
    error: null,
    version: null,
    nodes: [],
    cpus: null,
    gpus: null,
    memoryBytes: null,
  };
  const client = rayClient(config);
  try {
    const [version, nodes, usage] = await Promise.all([client.version(), client.nodes(), client.usage().catch(() => null)]);
    const used = usage?.data.clusterStatus.loadMetricsReport.usage ?? {};
    const alive = nodes.data.result.result.filter((n) => n.state === "ALIVE");
    const total = (key: string) => alive.reduce((sum, n) => sum + (n.resources_total[key] ?? 0), 0);
    const resource = (key: string) => ({ used: used[key]?.[0] ?? 0, total: used[key]?.[1] ?? total(key) });
    return {
      ...base,
      reachable: true,
      version: version.ray_version,
      nodes: nodes.data.result.result.map((n) => ({
        id: n.node_id,
        ip: n.node_ip ?? null,
        head: n.is_head_node ?? false,
        alive: n.state === "ALIVE",
        cpus: n.resources_total.CPU ?? 0,
        gpus: n.resources_total.GPU ?? 0,
        memoryBytes: n.resources_total.memory ?? 0,
      })),
      cpus: resource("CPU"),
      gpus: resource("GPU"),
      memoryBytes: resource("memory"),
    };
  } catch (error) {
    return { ...base, error: error instanceof RayError ? error.message : "The cluster's answer could not be read." };
  }
}

async function activeRuns(): Promise<ComputeView["runs"]> {
  const { rows } = await pool().query<{ backend: BackendName; queued: number; active: number }>(
    `SELECT backend, count(*) FILTER (WHERE status = 'queued')::int AS queued, count(*) FILTER (WHERE status IN ('starting', 'running'))::int AS active
     FROM runs WHERE status IN ('queued', 'starting', 'running') GROUP BY backend`,
  );
  const counts = Object.fromEntries(BACKENDS.map((b) => [b, { queued: 0, active: 0 }])) as ComputeView["runs"];
  for (const row of rows) if (row.backend in counts) counts[row.backend] = { queued: row.queued, active: row.active };
  return counts;
}
