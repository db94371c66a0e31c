// The real Ray head scripts/test.ts starts for the integration tests, seen through its own REST API
// (what the hub itself talks to), so a test can check what Ray did rather than what the hub says.
import { z } from "zod";

function need(name: "RAY_ADDRESS" | "RAY_SERVE_URL"): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run the Ray tests through \`npm test\` or \`npm run test:integration -- <file>\` (scripts/test.ts starts a Ray head when a named file uses tests/helpers/ray)`,
    );
  }
  return value.replace(/\/+$/, "");
}

/** The Ray dashboard URL (http://127.0.0.1:<port>), what a hub's RAY_ADDRESS is set to. */
export const rayAddress = () => need("RAY_ADDRESS");
/** The Serve HTTP proxy on 127.0.0.1, where Serve applications answer under their route_prefix. */
export const rayServeUrl = () => need("RAY_SERVE_URL");

export const RAY_TERMINAL = ["STOPPED", "SUCCEEDED", "FAILED"] as const;
const rayJobStatus = z.enum(["PENDING", "RUNNING", ...RAY_TERMINAL]);
export type RayJobStatus = z.infer<typeof rayJobStatus>;

const rayJobSchema = z.object({
  submission_id: z.string(),
  status: rayJobStatus,
  message: z.string().nullable(),
  entrypoint: z.string(),
  // milliseconds since the epoch
  start_time: z.number().nullable(),
  end_time: z.number().nullable(),
  driver_exit_code: z.number().nullable(),
  metadata: z.record(z.string(), z.string()).nullable(),
  runtime_env: z.record(z.string(), z.unknown()).nullable(),
  entrypoint_num_cpus: z.number().nullable().optional(),
  entrypoint_num_gpus: z.number().nullable().optional(),
  entrypoint_memory: z.number().nullable().optional(),
});
export type RayJob = z.infer<typeof rayJobSchema>;

/** `address`: another head than the suite's (a test that stops and restarts its own). */
async function rayFetch(pathname: string, init?: RequestInit, address = rayAddress()): Promise<Response> {
  return fetch(`${address}${pathname}`, { ...init, signal: AbortSignal.timeout(10_000) });
}

/** The job Ray knows under this submission id (a hub's run id), or null when Ray has none. */
export async function rayJob(id: string, address?: string): Promise<RayJob | null> {
  const response = await rayFetch(`/api/jobs/${encodeURIComponent(id)}`, undefined, address);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`GET /api/jobs/${id} → ${response.status}: ${await response.text()}`);
  return rayJobSchema.parse(await response.json());
}

/** Every job of the cluster (Ray answers a bare array, in no useful order). */
export async function rayJobs(): Promise<RayJob[]> {
  const response = await rayFetch("/api/jobs/");
  if (!response.ok) throw new Error(`GET /api/jobs/ → ${response.status}: ${await response.text()}`);
  return z.array(rayJobSchema).parse(await response.json());
}

/** The driver's output so far (stdout and stderr merged), or null when Ray has no such job. */
export async function rayJobLogs(id: string): Promise<string | null> {
  const response = await rayFetch(`/api/jobs/${encodeURIComponent(id)}/logs`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`GET /api/jobs/${id}/logs → ${response.status}: ${await response.text()}`);
  return z.object({ logs: z.string() }).parse(await response.json()).logs;
}

/** Waits until Ray's job `id` has one of `statuses` (it may not exist yet) and returns it. */
export async function waitForRayJob(id: string, statuses: readonly RayJobStatus[], timeoutMs = 60_000, address?: string): Promise<RayJob> {
  const deadline = Date.now() + timeoutMs;
  let last: RayJob | null = null;
  while (Date.now() < deadline) {
    last = await rayJob(id, address);
    if (last && statuses.includes(last.status)) return last;
    // A finished job never changes again: fail now with what Ray said instead of timing out.
    if (last && (RAY_TERMINAL as readonly string[]).includes(last.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seen = last ? `${last.status}: ${last.message ?? ""}` : "no such job";
  throw new Error(`Ray job ${id} did not reach ${statuses.join("/")} within ${timeoutMs / 1000} s (last: ${seen})`);
}

const serveApp = z.object({
  name: z.string(),
  route_prefix: z.string().nullable(),
  status: z.string(), // NOT_STARTED, DEPLOYING, DEPLOY_FAILED, RUNNING, UNHEALTHY, DELETING
  message: z.string(),
  source: z.string(), // "declarative" (REST PUT) or "imperative" (serve.run)
  deployed_app_config: z.record(z.string(), z.unknown()).nullable(),
  deployments: z.record(z.string(), z.looseObject({ name: z.string(), status: z.string() })),
});
export type RayServeApp = z.infer<typeof serveApp>;

/** Serve's applications by name (empty when Serve is not running). */
export async function rayServeApps(): Promise<Record<string, RayServeApp>> {
  const response = await rayFetch("/api/serve/applications/");
  if (!response.ok) throw new Error(`GET /api/serve/applications/ → ${response.status}: ${await response.text()}`);
  const body = z.object({ applications: z.record(z.string(), serveApp) }).parse(await response.json());
  return body.applications;
}

/** Replaces the declarative Serve application list, as another client of the cluster would. */
export async function putRayServeApps(applications: Record<string, unknown>[]): Promise<void> {
  const response = await rayFetch("/api/serve/applications/", {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ applications }),
  });
  if (!response.ok) throw new Error(`PUT /api/serve/applications/ → ${response.status}: ${await response.text()}`);
}

/** Uploads a zip as a Ray package (files at its root become the cwd) and returns its gcs:// URI. */
export async function uploadRayPackage(zip: Buffer, name: string): Promise<string> {
  const response = await rayFetch(`/api/packages/gcs/${name}`, { method: "PUT", body: new Uint8Array(zip) });
  if (!response.ok) throw new Error(`PUT /api/packages/gcs/${name} → ${response.status}: ${await response.text()}`);
  return `gcs://${name}`;
}

/** Waits until Serve application `name` has `status` (or is gone, for status "absent"). */
export async function waitForRayServeApp(name: string, status: string, timeoutMs = 90_000): Promise<RayServeApp | undefined> {
  const deadline = Date.now() + timeoutMs;
  let last: RayServeApp | undefined;
  while (Date.now() < deadline) {
    last = (await rayServeApps())[name];
    if (status === "absent" ? !last : last?.status === status) return last;
    if (last?.status === "DEPLOY_FAILED" && status !== "DEPLOY_FAILED") break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`Serve app ${name} did not become ${status} within ${timeoutMs / 1000} s (last: ${last ? `${last.status} ${last.message}` : "absent"})`);
}
