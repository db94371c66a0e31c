import "server-only";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import { requireReader } from "@/lib/auth/require-reader";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { problemResponse, toProblem } from "@/lib/http/problem";
import { instanceId } from "@/lib/runs/instance";
import { appName } from "@/lib/compute/ray/serve-apps";
import { rayConfig } from "@/lib/compute/ray/ray-config";

// Request headers that belong to the hub, never to a plugin's server: a plugin must not see its
// viewers' sessions or tokens.
const HOP = [
  "cookie",
  "authorization",
  "synapse-access-token",
  "host",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "proxy-authorization",
];

/**
 * What the plugin's pages may do in a browser: they are served from the hub's origin, so they are
 * sandboxed into an origin of their own (no access to the hub's cookies or API as the viewer), and
 * may only be framed by the hub's own pages.
 */
const ISOLATION = {
  "content-security-policy": "sandbox allow-scripts allow-forms allow-popups allow-downloads; frame-ancestors 'self'",
  "x-frame-options": "SAMEORIGIN",
  // The sandboxed page's own fetches come from an opaque origin; they carry no credentials.
  "access-control-allow-origin": "*",
};

const PASSED = [
  "content-type",
  "content-disposition",
  "content-language",
  "cache-control",
  "etag",
  "last-modified",
  "expires",
  "vary",
  "accept-ranges",
  "content-range",
];

/** A redirect may only lead within the deployment itself (a relative path, or one under its prefix). */
function sameDeployment(location: string, runId: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(location)) return false;
  return !location.startsWith("/") || location.startsWith(`/serve/${runId}/`);
}

/**
 * Forwards `/serve/{run}/…`; its own refusals (not serving yet, gone) may be framed by the run page
 * too, so a person sees why instead of a blank frame.
 */
export async function serveOrExplain(req: Request, runId: string, path: string[]): Promise<Response> {
  try {
    return await proxyServe(req, runId, path);
  } catch (error) {
    const problem = toProblem(error);
    if (!(error instanceof AppError)) console.error(`serve proxy for run ${runId} failed:`, error);
    return problemResponse(problem, problem.status === 503 ? { ...ISOLATION, "retry-after": "2" } : ISOLATION);
  }
}

/**
 * Forwards `/serve/{run}/…` to a running serve action's local server (the prefix stripped), streaming
 * both ways. Readable by whoever may read the catalog.
 */
export async function proxyServe(req: Request, runId: string, path: string[]): Promise<Response> {
  await requireReader(req);
  const run = await db().run.findUnique({ where: { id: runId }, select: { method: true, status: true, servePort: true, node: true, backend: true } });
  if (!run || run.method !== "serve") throw new AppError("not_found", "No such deployment.");
  const upstreamBase = upstreamOf(runId, run);
  if (req.method === "OPTIONS") {
    return new Response(null, {
      status: 204,
      headers: {
        ...ISOLATION,
        "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
        "access-control-allow-headers": "content-type",
        "access-control-max-age": "600",
      },
    });
  }
  const url = new URL(req.url);
  const target = `${upstreamBase}/${path.map(encodeURIComponent).join("/")}${url.search}`;
  const headers = new Headers(req.headers);
  for (const name of HOP) headers.delete(name);
  headers.set("x-forwarded-prefix", `/serve/${runId}`);
  let upstream: IncomingMessage;
  try {
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    upstream = await forward(target, req.method, headers, hasBody ? req.body : null);
  } catch (error) {
    throw new AppError("bad_gateway", `The deployment did not answer: ${(error as Error).message}`);
  }
  // Only headers that describe the content pass: anything else would act on the hub's origin
  // (Clear-Site-Data logging viewers out, HSTS, auth prompts, redirects to elsewhere).
  const out = new Headers();
  for (const name of PASSED) {
    const value = upstream.headers[name];
    if (value !== undefined) out.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const location = upstream.headers.location;
  if (location && sameDeployment(location, runId)) out.set("location", location);
  for (const [name, value] of Object.entries(ISOLATION)) out.set(name, value);
  const status = upstream.statusCode ?? 502;
  const body = status === 204 || status === 304 || req.method === "HEAD" ? null : (Readable.toWeb(upstream) as ReadableStream<Uint8Array>);
  return new Response(body, { status, headers: out });
}

/**
 * Where a running deployment answers: a local one on its port (on the instance that runs it), a Ray
 * one behind the cluster's Serve proxy under its application's prefix (from any instance).
 */
function upstreamOf(runId: string, run: { status: string; servePort: number | null; node: string | null; backend: string }): string {
  if (run.status !== "running" || (run.backend !== "ray" && run.servePort === null)) {
    throw new AppError("unavailable", `The deployment is not serving (it is ${run.status}).`);
  }
  if (run.backend === "ray") {
    const ray = rayConfig();
    if (!ray) throw new AppError("bad_gateway", "The deployment runs on Ray, but this hub instance has no RAY_ADDRESS.");
    return `${ray.serveUrl}/${appName(runId)}`;
  }
  if (run.node !== instanceId()) throw new AppError("bad_gateway", "The deployment runs on another hub instance; reach it through that one.");
  return `http://127.0.0.1:${run.servePort}`;
}

/**
 * One request to the deployment on a connection of its own, closed after the answer. A kept-alive
 * connection (fetch's pool) stalled the second request to a plugin's simple Python server: the
 * answer's body never ended (seen in an e2e trace).
 */
function forward(target: string, method: string, headers: Headers, body: ReadableStream<Uint8Array> | null): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const outgoing = (target.startsWith("https:") ? https : http).request(target, { method, headers: Object.fromEntries(headers), agent: false }, resolve);
    outgoing.on("error", reject);
    if (body) Readable.fromWeb(body as import("node:stream/web").ReadableStream).pipe(outgoing);
    else outgoing.end();
  });
}
