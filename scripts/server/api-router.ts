// Serves app/api/**/route.ts directly, without Next.js's page pipeline. Measured on the 2-core
// reference machine, that pipeline alone caps a trivial route at ~600 req/s (bench/catalog); the
// handlers are the very same modules Next.js would run, found by the same file-system convention.
import { readdirSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SECURITY_HEADERS } from "../../lib/http/security-headers";
import { sendWebResponse, toWebRequest } from "./node-bridge";

type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
type Route = { pattern: RegExp; names: string[]; dynamic: number; module: Record<string, unknown> };

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export async function loadApiRoutes(appDir: string): Promise<Route[]> {
  const routes: Route[] = [];
  const walk = async (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), [...segments, entry.name]);
      else if (entry.name === "route.ts") routes.push(await compile(segments, path.join(dir, entry.name)));
    }
  };
  await walk(path.join(appDir, "api"), ["api"]);
  // Literal segments win over [params], which win over [...catchAll], as in Next.js.
  return routes.sort((a, b) => a.dynamic - b.dynamic);
}

async function compile(segments: string[], file: string): Promise<Route> {
  const names: string[] = [];
  const source = segments
    .map((segment) => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
      if (catchAll) {
        names.push(catchAll[1]);
        return "(.+)";
      }
      const param = /^\[(\w+)\]$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(param[1]);
      return "([^/]+)";
    })
    .join("/");
  const dynamic = names.length + (source.includes("(.+)") ? 100 : 0);
  return { pattern: new RegExp(`^/${source}/?$`), names, dynamic, module: await import(pathToFileURL(file).href) };
}

// The Synapse SDK talks to its backend at the root (`/plugin_releases/`, `/plugins/{code}/`, always
// with a trailing slash). Those calls are served by app/api/synapse/**; a browser asking for a page
// at such a path (Accept: text/html) still gets the page.
const SYNAPSE_PATH = /^\/(plugin_releases|plugins)(\/[^?]*)?\/$/;

function synapseRewrite(req: IncomingMessage, pathname: string): string | null {
  if (!SYNAPSE_PATH.test(pathname)) return null;
  if (req.method === "GET" && /text\/html/.test(req.headers.accept ?? "")) return null;
  return `/api/synapse${pathname.slice(0, -1)}`;
}

/** Handles the request when it is for an API route; returns false to let Next.js handle it. */
export async function handleApi(routes: Route[], req: IncomingMessage, res: ServerResponse, origin: string, trustProxy = false): Promise<boolean> {
  const [rawPath, search = ""] = (req.url ?? "/").split("?");
  const rewritten = synapseRewrite(req, rawPath);
  delete req.headers["x-synapse-path"]; // only ever set here, never taken from a client
  if (rewritten) {
    req.headers["x-synapse-path"] = `${origin}${req.url}`;
    req.url = `${rewritten}${search ? `?${search}` : ""}`;
  }
  const pathname = rewritten ?? rawPath;
  if (!pathname.startsWith("/api/")) return false;
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const params = Object.fromEntries(route.names.map((name, i) => [name, safeDecode(match[i + 1])]));
    const method = req.method === "HEAD" && !route.module.HEAD ? "GET" : (req.method ?? "GET");
    const handler = route.module[method] as Handler | undefined;
    const response = handler
      ? await handler(toWebRequest(req, origin, trustProxy), { params: Promise.resolve(params) })
      : Response.json(
          {
            type: "/problems/method_not_allowed",
            title: "method not allowed",
            status: 405,
            detail: `${req.method} is not allowed here.`,
            code: "method_not_allowed",
          },
          { status: 405, headers: { "content-type": "application/problem+json", allow: METHODS.filter((m) => route.module[m]).join(", ") } },
        );
    await sendWebResponse(res, response, req.method, SECURITY_HEADERS);
    return true;
  }
  return false;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
