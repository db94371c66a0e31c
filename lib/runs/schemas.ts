// The runs API's shapes, shared by route handlers, the UI and the OpenAPI document.
import { z } from "zod";
import { codeParam } from "@/lib/registry/schemas";

export const RUN_STATUSES = ["queued", "starting", "running", "succeeded", "failed", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const TERMINAL_STATUSES: readonly RunStatus[] = ["succeeded", "failed", "cancelled"];
/** The statuses a run may still leave. */
export const ACTIVE_STATUSES: readonly RunStatus[] = ["queued", "starting", "running"];
export const isTerminal = (status: string): boolean => (TERMINAL_STATUSES as readonly string[]).includes(status);

export const BACKENDS = ["local", "ray"] as const;
export type BackendName = (typeof BACKENDS)[number];

export const runIdParam = z.object({ id: z.uuid() });

export const resourcesSchema = z.strictObject({
  cpus: z.number().min(0).max(1024).optional(),
  gpus: z.number().min(0).max(256).optional(),
  memoryMb: z
    .number()
    .int()
    .min(1)
    .max(16 * 1024 * 1024)
    .optional(),
});
export type RunResources = z.infer<typeof resourcesSchema>;

export const launchRunSchema = z.object({
  plugin: codeParam,
  /** Defaults to the plugin's latest non-yanked version. */
  version: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(100),
  params: z.record(z.string(), z.unknown()).default({}),
  backend: z.enum(BACKENDS).optional(),
  /** What the run may use on the cluster (Ray: the entrypoint's CPUs, GPUs and memory; the local backend ignores them). */
  resources: resourcesSchema.optional(),
  /** Wall-clock limit for this run; the hub's RUN_TIMEOUT_SECONDS when absent. */
  timeoutSeconds: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .optional(),
});
export type LaunchRun = z.infer<typeof launchRunSchema>;

/** One step's progress, as the plugin last reported it. */
export const stepProgressSchema = z.object({ percent: z.number(), timeRemaining: z.number().nullable() });

/** The run's progress: overall percent (0–100), the step in progress, and every step seen so far. */
export const progressSchema = z.object({
  overall: z.number().nullable(),
  step: z.string().nullable(),
  steps: z.record(z.string(), stepProgressSchema),
});
export type RunProgress = z.infer<typeof progressSchema>;

/** Latest metrics per step: `{train: {loss: 0.2, accuracy: 0.9}}` (sent whole each time). */
export const metricsSchema = z.record(z.string(), z.record(z.string(), z.unknown()));
export type RunMetrics = z.infer<typeof metricsSchema>;

export const runSchema = z.object({
  id: z.string(),
  plugin: z.string(),
  version: z.string(),
  /** Launched from a debug release. */
  debug: z.boolean(),
  action: z.string(),
  method: z.enum(["job", "task", "serve"]),
  params: z.record(z.string(), z.unknown()),
  status: z.enum(RUN_STATUSES),
  progress: progressSchema.nullable(),
  metrics: metricsSchema.nullable(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  launchedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  backend: z.enum(BACKENDS),
  resources: resourcesSchema.nullable(),
  /** For a running `serve` action: where the hub proxies it. */
  serveUrl: z.string().nullable(),
  timeoutSeconds: z.number().int(),
  /** The newest event's id: a live view resumes after it. */
  lastEventId: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type RunDto = z.infer<typeof runSchema>;

export const runListQuerySchema = z.object({
  plugin: codeParam.optional(),
  action: z.string().max(100).optional(),
  status: z.enum(RUN_STATUSES).optional(),
  /** `serve` lists deployments. */
  method: z.enum(["job", "task", "serve"]).optional(),
  backend: z.enum(BACKENDS).optional(),
  /** `me`, or a user id. */
  who: z.string().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type RunListQuery = z.infer<typeof runListQuerySchema>;

export const runListSchema = z.object({ items: z.array(runSchema), nextCursor: z.string().nullable() });
export type RunList = z.infer<typeof runListSchema>;

/**
 * What a run's event stream carries. Every event has a per-run id that grows by one, in commit order,
 * so `?after=` and `Last-Event-ID` resume exactly.
 * - `status`   `{status, error?, exitCode?}`
 * - `progress` the whole progress (as `RunProgress`)
 * - `metrics`  `{steps: RunMetrics}`: the whole record at that moment (charts plot the series)
 * - `metric`   `{category, key, value, metrics?}`: one value, as the SDK's `metric` log event
 * - `log`      `{level, message, source, event?, data?}`: console lines and the plugin's log events
 * - `trials`   `{base?, trials: {<id>: {…}}, hyperparameters?, metrics?, best_trial?}` (tune)
 * - `visualization` `{category?, group?, index?, image: {url, contentType}}`
 * - `artifact` `{name, size, sha256}`
 * - `result`   `{result}`
 */
export const EVENT_TYPES = ["status", "progress", "metrics", "metric", "log", "trials", "visualization", "artifact", "result"] as const;
export type RunEventType = (typeof EVENT_TYPES)[number];

export const LOG_LEVELS = ["debug", "info", "success", "warning", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** Where a log line came from: the process's stdout/stderr, the plugin's log call, or the hub itself. */
export type LogSource = "stdout" | "stderr" | "plugin" | "hub";

export const runEventSchema = z.object({
  id: z.number().int(),
  type: z.enum(EVENT_TYPES),
  data: z.unknown(),
  at: z.string(),
});
export type RunEventDto = z.infer<typeof runEventSchema>;

export const runEventsQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  /** Only these types, comma separated (`log,status`). */
  types: z.string().max(200).optional(),
});

export const runEventListSchema = z.object({ items: z.array(runEventSchema), nextCursor: z.number().int().nullable() });
