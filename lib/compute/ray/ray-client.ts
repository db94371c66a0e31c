import "server-only";
import { z } from "zod";
import { rayConfig, type RayConfig } from "./ray-config";

/**
 * The Ray dashboard's REST API (Jobs, packages, Serve), as far as the hub uses it. Every answer is
 * parsed with zod: a cluster is a boundary like any other. Failures are told apart, because the hub
 * acts on the difference: `unreachable` (no answer: the run waits and retries), `not_found`, or
 * `refused` (Ray answered with an error).
 */
export class RayError extends Error {
  constructor(
    readonly kind: "unreachable" | "not_found" | "refused",
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "RayError";
  }
}

const TIMEOUT_MS = 10_000;

export const rayJobSchema = z.looseObject({
  submission_id: z.string().nullish(),
  job_id: z.string().nullish(),
  status: z.enum(["PENDING", "RUNNING", "STOPPED", "SUCCEEDED", "FAILED"]),
  message: z.string().nullish(),
  error_type: z.string().nullish(),
  driver_exit_code: z.number().nullish(),
  start_time: z.number().nullish(),
  end_time: z.number().nullish(),
});
export type RayJob = z.infer<typeof rayJobSchema>;

export const serveAppSchema = z.looseObject({
  status: z.string(),
  message: z.string().nullish(),
  route_prefix: z.string().nullish(),
  deployed_app_config: z.record(z.string(), z.unknown()).nullish(),
});
export const serveStatusSchema = z.looseObject({
  applications: z.record(z.string(), serveAppSchema).default({}),
  http_options: z.record(z.string(), z.unknown()).nullish(),
  proxy_location: z.string().nullish(),
});
export type ServeStatus = z.infer<typeof serveStatusSchema>;

const nodesSchema = z.object({
  data: z.object({
    result: z.object({
      result: z.array(
        z.looseObject({
          node_id: z.string(),
          node_ip: z.string().nullish(),
          is_head_node: z.boolean().nullish(),
          state: z.string(),
          resources_total: z.record(z.string(), z.number()).default({}),
        }),
      ),
    }),
  }),
});
/** `[used, total]` per resource. */
const usageSchema = z.object({
  data: z.object({
    clusterStatus: z.object({ loadMetricsReport: z.looseObject({ usage: z.record(z.string(), z.tuple([z.number(), z.number()])).default({}) }) }),
  }),
});

export type JobSubmission = {
  entrypoint: string;
  submission_id: string;
  runtime_env: Record<string, unknown>;
  metadata?: Record<string, string>;
  entrypoint_num_cpus?: number;
  entrypoint_num_gpus?: number;
  entrypoint_memory?: number;
};

export function rayClient(config: RayConfig | null = rayConfig()) {
  if (!config) throw new RayError("unreachable", "No Ray cluster is configured (RAY_ADDRESS is not set).");
  const call = async (method: string, path: string, body?: BodyInit | object, headers: Record<string, string> = {}): Promise<Response> => {
    const isRaw = body instanceof Uint8Array || body instanceof ReadableStream || typeof body === "string";
    let response: Response;
    try {
      response = await fetch(`${config.address}${path}`, {
        method,
        headers: {
          ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
          ...(body !== undefined && !isRaw ? { "content-type": "application/json" } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : isRaw ? (body as BodyInit) : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        // Node's fetch needs this to send a stream as a body.
        ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
      } as RequestInit);
    } catch (error) {
      throw new RayError("unreachable", `The Ray cluster at ${config.address} did not answer (${causeOf(error)}).`);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      throw new RayError("not_found", `Ray has no ${path}.`, 404);
    }
    // A proxy in front of the dashboard that cannot reach it answers 502–504: the cluster is away.
    if (response.status >= 502 && response.status <= 504) {
      await response.body?.cancel();
      throw new RayError("unreachable", `The Ray cluster at ${config.address} is not answering (HTTP ${response.status}).`, response.status);
    }
    if (!response.ok)
      throw new RayError("refused", `Ray refused ${method} ${path}: HTTP ${response.status} ${(await response.text()).slice(0, 2000)}`, response.status);
    return response;
  };
  const json = async <T>(schema: z.ZodType<T>, method: string, path: string, body?: object): Promise<T> => {
    const response = await call(method, path, body);
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new RayError("refused", `Ray answered ${method} ${path} in an unexpected shape: ${parsed.error.message.slice(0, 500)}`);
    return parsed.data;
  };

  return {
    config,
    version: () => json(z.looseObject({ ray_version: z.string(), version: z.string().optional() }), "GET", "/api/version"),
    submitJob: (job: JobSubmission) => json(z.looseObject({ submission_id: z.string() }), "POST", "/api/jobs/", job),
    getJob: (id: string) => json(rayJobSchema, "GET", `/api/jobs/${encodeURIComponent(id)}`),
    jobLogs: (id: string) => json(z.object({ logs: z.string() }), "GET", `/api/jobs/${encodeURIComponent(id)}/logs`),
    stopJob: (id: string) => json(z.looseObject({ stopped: z.boolean() }), "POST", `/api/jobs/${encodeURIComponent(id)}/stop`),
    hasPackage: async (uri: string): Promise<boolean> => {
      try {
        await call("GET", `/api/packages/${packagePath(uri)}`);
        return true;
      } catch (error) {
        if (error instanceof RayError && error.kind === "not_found") return false;
        throw error;
      }
    },
    uploadPackage: async (uri: string, zip: Uint8Array | ReadableStream<Uint8Array>) => {
      await call("PUT", `/api/packages/${packagePath(uri)}`, zip);
    },
    serveStatus: () => json(serveStatusSchema, "GET", "/api/serve/applications/"),
    putServe: async (config: object) => {
      await call("PUT", "/api/serve/applications/", config);
    },
    nodes: () => json(nodesSchema, "GET", "/api/v0/nodes"),
    usage: () => json(usageSchema, "GET", "/api/cluster_status"),
  };
}
export type RayClient = ReturnType<typeof rayClient>;

/** `gcs://_ray_pkg_<hash>.zip` → `gcs/_ray_pkg_<hash>.zip`, the packages endpoint's path. */
const packagePath = (uri: string) => uri.replace("://", "/");

function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error && cause.name === "TimeoutError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  return cause instanceof Error ? ((cause as NodeJS.ErrnoException).code ?? cause.message) : String(cause);
}
