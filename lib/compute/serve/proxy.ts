import "server-only";
import { requireReader } from "@/lib/auth/require-reader";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { instanceId } from "@/lib/runs/instance";

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

/**
 * Forwards `/serve/{run}/…` to a running serve action's local server (the prefix stripped), streaming
 * both ways. Readable by whoever may read the catalog.
 */
export async function proxyServe(req: Request, runId: string, path: string[]): Promise<Response> {
  await requireReader(req);
  const run = await db().run.findUnique({ where: { id: runId }, select: { method: true, status: true, servePort: true, node: true } });
  if (!run || run.method !== "serve") throw new AppError("not_found", "No such deployment.");
  if (run.status !== "running" || run.servePort === null) throw new AppError("unavailable", `The deployment is not serving (it is ${run.status}).`);
  if (run.node !== instanceId()) throw new AppError("bad_gateway", "The deployment runs on another hub instance; reach it through that one.");
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
  const target = `http://127.0.0.1:${run.servePort}/${path.map(encodeURIComponent).join("/")}${url.search}`;
  const headers = new Headers(req.headers);
  for (const name of HOP) headers.delete(name);
  headers.set("x-forwarded-prefix", `/serve/${runId}`);
  let upstream: Response;
  try {
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    upstream = await fetch(target, {
      method: req.method,
      headers,
      body: hasBody ? req.body : undefined,
      redirect: "manual",
      ...(hasBody ? { duplex: "half" } : {}),
    } as RequestInit);
  } catch (error) {
    throw new AppError("bad_gateway", `The deployment did not answer: ${(error as Error).message}`);
  }
  const out = new Headers(upstream.headers);
  for (const name of ["set-cookie", "connection", "keep-alive", "transfer-encoding", "content-encoding", "content-length"]) out.delete(name);
  for (const [name, value] of Object.entries(ISOLATION)) out.set(name, value);
  return new Response(upstream.body, { status: upstream.status, headers: out });
}
