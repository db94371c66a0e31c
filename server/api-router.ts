// Serves app/api/**/route.ts directly, without Next.js's page pipeline. Measured on the 2-core
// reference machine, that pipeline alone caps a trivial route at ~600 req/s (bench/catalog). The
// handlers are the very modules Next.js would run, matched by Next's own folder rules
// (route-files.ts) in find-my-way, which ranks static over dynamic over catch-all segments as Next does.
import type { IncomingMessage, ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import FindMyWay from "find-my-way";
import { problemResponse } from "../lib/http/problem";
import type { RouteEntry } from "../lib/openapi/route-table";
import { SECURITY_HEADERS } from "../lib/http/security-headers";
import { sendWebResponse, toWebRequest } from "./node-bridge";
import { findRouteFiles, paramsFor, type RouteFile } from "./route-files";
import { publicPath, synapseApiPath } from "./synapse-paths";

type Handler = (req: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;
type Module = Record<string, unknown>;
type Loaded = { file: RouteFile; module?: Promise<Module> };

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type ApiRouter = {
  /** Handles an /api/* request (or a Synapse root path); false when it is for Next.js. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** Every operation, for the OpenAPI document. */
  table(): Promise<RouteEntry[]>;
};

/**
 * `serve: false` (development) only matches, so unknown /api/* paths still get a problem+json 404,
 * and leaves matched ones to Next.js, which reloads them on edit.
 */
export async function createApiRouter(appDir: string, options: { serve: boolean; trustProxy: boolean }): Promise<ApiRouter> {
  // maxParamLength: a semantic version may be 256 characters long (find-my-way's default is 100).
  const router = FindMyWay({ ignoreTrailingSlash: true, caseSensitive: true, maxParamLength: 1024 });
  const loaded: Loaded[] = findRouteFiles(appDir).map((file) => ({ file }));
  const moduleOf = (entry: Loaded) => (entry.module ??= import(pathToFileURL(entry.file.file).href) as Promise<Module>);
  for (const entry of loaded) for (const pattern of entry.file.patterns) router.on("GET", pattern, () => {}, entry);
  // Served routes load at start-up: a broken module stops the hub now, not on a user's first call.
  if (options.serve) await Promise.all(loaded.map(moduleOf));

  return {
    async handle(req, res, url) {
      const rewritten = synapseApiPath(req.method ?? "GET", req.headers.accept ?? "", url.pathname);
      delete req.headers["x-synapse-path"]; // only ever set here, never taken from a client
      if (rewritten) req.headers["x-synapse-path"] = url.href;
      // A deployment's server (a local serve action) is proxied at /serve/{run}/…, pages and all.
      const pathname = rewritten ?? (url.pathname.startsWith("/serve/") ? `/api${url.pathname}` : url.pathname);
      if (!pathname.startsWith("/api/") && pathname !== "/api") return false;
      const match = router.find("GET", pathname);
      const entry = match?.store as Loaded | undefined;
      const params = entry && paramsFor(entry.file, match!.params, pathname);
      if (!entry || !params) {
        await send(res, req, problem(404, "not_found", `There is no API route at ${url.pathname}.`));
        return true;
      }
      if (!options.serve) {
        if (pathname !== url.pathname) req.url = `${pathname}${url.search}`;
        return false;
      }
      const exports = await moduleOf(entry);
      const allowed = METHODS.filter((m) => exports[m] || (m === "HEAD" && exports.GET) || m === "OPTIONS");
      const method = (req.method ?? "GET").toUpperCase();
      const handler = (exports[method] ?? (method === "HEAD" ? exports.GET : undefined)) as Handler | undefined;
      let response: Response;
      if (handler) {
        const target = new URL(`${pathname}${url.search}`, url);
        response = await handler(toWebRequest(req, res, target, options.trustProxy), { params: Promise.resolve(params) });
      } else if (method === "OPTIONS") {
        response = new Response(null, { status: 204, headers: { allow: allowed.join(", ") } });
      } else {
        response = problem(405, "method_not_allowed", `${method} is not allowed here.`, { allow: allowed.join(", ") });
      }
      await send(res, req, response);
      return true;
    },

    async table() {
      const rows = await Promise.all(
        loaded.map(async (entry) => {
          const exports = await moduleOf(entry);
          return METHODS.filter((m) => typeof exports[m] === "function" && m !== "HEAD" && m !== "OPTIONS").map((method) => ({
            method,
            path: publicPath(entry.file.template),
            file: entry.file.file,
            spec: (exports[method] as { spec?: RouteEntry["spec"] }).spec,
          }));
        }),
      );
      return rows.flat();
    },
  };
}

function send(res: ServerResponse, req: IncomingMessage, response: Response): Promise<void> {
  return sendWebResponse(res, response, req.method, SECURITY_HEADERS);
}

function problem(status: number, code: string, detail: string, headers?: Record<string, string>): Response {
  return problemResponse({ type: `/problems/${code}`, title: code.replaceAll("_", " "), status, detail, code }, headers);
}
