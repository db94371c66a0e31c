// The hub's configuration, validated once at start-up. Shared by the launcher (scripts/start.ts),
// which checks it before starting anything, and by lib/env.ts inside the server.
import { z } from "zod";

const MiB = 1024 * 1024;
/** Node's timers hold at most 2^31 - 1 ms; a longer run limit would fire at once. */
const MAX_TIMER_SECONDS = 24 * 24 * 3600;
const positive = (what: string) =>
  z.coerce
    .number({ error: `must be ${what}` })
    .int(`must be ${what}`)
    .positive(`must be ${what}`);
const bytes = (fallback: number) => positive("a whole number above 0").default(fallback);
const millis = (fallback: number) => positive("a number of milliseconds above 0").default(fallback);
/** A duration in seconds: `604800`, or with a unit, `7d`, `12h`, `30m`, `45s`. */
const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => /^\s*\d+\s*[smhd]?\s*$/.test(v) && Number.parseInt(v) > 0, "must be a duration above 0 such as 604800, 7d, 12h, 30m or 45s")
    .transform((v) => Number.parseInt(v) * (UNITS[v.trim().slice(-1)] ?? 1));
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .default(fallback ? "true" : "false")
    .transform((v) => v === "true" || v === "1" || v === "yes");

const fields = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: positive("a port number (1-65535)").max(65535, "must be a port number (1-65535)").default(3000),
  DATA_DIR: z.string().min(1).default(".data"),
  SEED_EXAMPLES: flag(true),
  /** Behind a reverse proxy: trust its X-Forwarded-For (client addresses). Needs PUBLIC_URL (see below). */
  TRUST_PROXY: flag(false),
  /** Signs session cookies. `npm start` keeps a generated one in DATA_DIR when unset. */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The address people use to reach the hub: its only origin and the base of its links. Unset (or empty): each request's Host names it. */
  PUBLIC_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url("must be a URL such as https://hub.example.com").optional()),
  /** Overrides of the named rate limits (lib/auth/rate-limit.ts): `publish=600/600,setup=30/600` (calls/seconds). */
  RATE_LIMITS: z
    .string()
    .regex(/^\s*[a-z-]+=\d+\/\d+\s*(,\s*[a-z-]+=\d+\/\d+\s*)*$/, "must read like publish=600/600,setup=30/600 (calls/seconds)")
    .transform(
      (text) =>
        Object.fromEntries(
          text.split(",").map((item) => {
            const [name, rule] = item.trim().split("=");
            const [max, windowSeconds] = rule.split("/").map(Number);
            return [name, { max, windowSeconds }];
          }),
        ) as Record<string, { max: number; windowSeconds: number } | undefined>,
    )
    .optional(),
  ARCHIVE_MAX_BYTES: bytes(200 * MiB),
  ARCHIVE_MAX_UNCOMPRESSED_BYTES: bytes(1024 * MiB),
  ARCHIVE_MAX_ENTRIES: bytes(10_000),
  ARCHIVE_MAX_RATIO: bytes(100),
  ARCHIVE_MAX_DEPTH: bytes(32),
  /** A cached catalog page is served at most this long, even when no change was announced. */
  CATALOG_CACHE_TTL_MS: millis(30_000),
  /** The catalog's in-memory search index (lib/registry/catalog-index.ts) holds at most this many
   *  plugins (1–1.5 KiB each with short descriptions); a larger catalog is searched in Postgres. 0
   *  turns the index off. bench:catalog measures 10,000; a search's cost grows with its matches. */
  CATALOG_INDEX_MAX_PLUGINS: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(0, "must be 0 or more").default(20_000),
  /** How often each instance proves its catalog change feed alive, and how long it waits for the proof. */
  CATALOG_HEARTBEAT_INTERVAL_MS: millis(5_000),
  CATALOG_HEARTBEAT_TIMEOUT_MS: millis(5_000),
  /** Orphan blobs (no row points at them) younger than this are kept: a publish commits its blob
   *  before its row, so a fresh unreferenced blob may be one whose row is about to commit. */
  BLOB_GC_GRACE_SECONDS: positive("a number of seconds above 0").default(3600),
  /** How often each instance looks for orphan blobs (also once at start-up). */
  BLOB_GC_INTERVAL_SECONDS: positive("a number of seconds above 0").default(3600),
  /** Runs this instance's local backend executes at once; others wait `queued`. */
  LOCAL_CONCURRENCY: positive("a whole number above 0").default(2),
  /** A run's wall-clock limit unless its launch names one. */
  RUN_TIMEOUT_SECONDS: positive("a number of seconds above 0")
    .max(MAX_TIMER_SECONDS, `must be at most ${MAX_TIMER_SECONDS} (24 days)`)
    .default(4 * 3600),
  /** After SIGTERM (cancel, timeout), how long a run's processes get before SIGKILL. */
  RUN_KILL_GRACE_SECONDS: positive("a number of seconds above 0").default(10),
  /** Log lines kept per run; past it the rest is dropped (counted) so a flood cannot fill the disk. */
  RUN_MAX_LOG_LINES: positive("a whole number above 0").default(200_000),
  /** Events kept per run in all; past it a plugin's reports are refused (counted), so a flood cannot fill the disk. */
  RUN_MAX_EVENTS: positive("a whole number above 0").default(1_000_000),
  /** The largest file a run may upload as an artifact. */
  ARTIFACT_MAX_BYTES: bytes(64 * 1024 * MiB),
  /** Whether this instance executes runs (one worker per instance; off for an API-only instance). */
  RUN_WORKER: flag(true),
  /** A Ray cluster's dashboard (Jobs and Serve REST), e.g. http://127.0.0.1:8265; with it Ray is the default backend. */
  RAY_ADDRESS: z.preprocess((v) => (v === "" ? undefined : v), z.url("must be the Ray dashboard's URL, such as http://127.0.0.1:8265").optional()),
  /** Sent as `Authorization: Bearer …` to the Ray dashboard (a cluster behind an authenticating proxy). */
  RAY_AUTH_TOKEN: z.string().min(1).optional(),
  /** Where the cluster's Serve proxy answers (deployments are proxied there); default: RAY_ADDRESS's host on port 8000. */
  RAY_SERVE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url("must be the Ray Serve proxy's URL, such as http://127.0.0.1:8000").optional()),
  /** The backend a launch uses unless it names one: `ray` when RAY_ADDRESS is set, else `local`. */
  COMPUTE_BACKEND: z.enum(["local", "ray"], { error: "must be local or ray" }).optional(),
  /** How long a run waits `queued` for an unreachable Ray cluster before it fails. */
  RAY_UNREACHABLE_TIMEOUT_SECONDS: positive("a number of seconds above 0").default(600),
  /** Debug releases not republished for this long are removed (runs that used them are kept); in seconds once parsed. */
  DEBUG_RELEASE_MAX_AGE: duration("7d"),
  /** How often each instance looks for debug releases past that age (also once at start-up). */
  DEBUG_RELEASE_SWEEP_SECONDS: positive("a number of seconds above 0").default(3600),
  /** Folders (`:`-separated) whose plugin folders are registered as debug releases, again on every change. */
  PLUGINS_DIR: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
});

export const envSchema = fields.superRefine((env, ctx) => {
  if (env.COMPUTE_BACKEND === "ray" && !env.RAY_ADDRESS) {
    ctx.addIssue({ code: "custom", path: ["COMPUTE_BACKEND"], message: "is ray, but RAY_ADDRESS (the Ray dashboard's URL) is not set" });
  }
  // Behind a proxy that ends TLS the hub itself sees plain http, so only PUBLIC_URL can tell it
  // that people use https, and hence that its session cookies must be Secure.
  if (env.TRUST_PROXY && !env.PUBLIC_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["TRUST_PROXY"],
      message: "needs PUBLIC_URL, the address people use through the proxy (e.g. https://hub.example.com), so that cookies are Secure over https",
    });
  }
});

export type Env = z.infer<typeof envSchema>;

/** Parses `source`, or throws one message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}=${JSON.stringify(source[String(issue.path[0])] ?? "")}: ${issue.message}`);
  throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
}
