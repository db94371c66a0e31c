// The hub's HTTP server. API routes (app/api/**/route.ts) are dispatched directly by api-router.ts;
// pages go through Next.js's request handler, as under `next start`.
import { createServer } from "node:http";
import { hostname as machineName } from "node:os";
import path from "node:path";
import next from "next";
import { listenBanner } from "../lib/http/listen-banner";
import { loopbackOrigin, requestOrigin } from "../lib/http/request-origin";
import { provideRouteTable } from "../lib/openapi/route-table";
import { runShutdownHooks } from "../lib/shutdown";
import { createApiRouter } from "./api-router";

const dev = process.argv.includes("--dev");
const hostname = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);
const trustProxy = ["true", "1", "yes"].includes(process.env.TRUST_PROXY ?? "");
const publicUrl = process.env.PUBLIC_URL || undefined;

async function main(): Promise<void> {
  const app = next({ dev, hostname, port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();
  // In development Next.js serves the API routes too, so edits reload; production takes the fast path.
  const api = await createApiRouter(path.resolve("app"), { serve: !dev, trustProxy });
  provideRouteTable(() => api.table());
  // Each request's URL is built on the origin it reached (PUBLIC_URL, else its Host): a wildcard or
  // IPv6 bind address is no origin (`http://:::3000` is not even a URL).
  const originOptions = { publicUrl, fallback: loopbackOrigin(hostname, port) };
  const server = createServer((req, res) => {
    // Origin + path, never `new URL(path, origin)`: a path like `//other.host/` must not change the host.
    const url = URL.parse(`${requestOrigin(req.headers, originOptions)}${req.url?.startsWith("/") ? req.url : `/${req.url ?? ""}`}`);
    if (!url) return void res.writeHead(400).end();
    api
      .handle(req, res, url)
      .then((handled) => (handled ? undefined : handle(req, res)))
      .catch((error) => {
        console.error(`${req.method} ${req.url} failed:`, error);
        if (res.headersSent) return void res.destroy();
        res.writeHead(500, { "content-type": "application/problem+json" });
        res.end(JSON.stringify({ type: "/problems/internal", title: "internal", status: 500, detail: "Something went wrong on our side.", code: "internal" }));
      });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => console.log(`listening on ${listenBanner({ host: hostname, port, publicUrl, machine: machineName() })}`));
  // A clean stop: take no new connections, stop this instance's runs (they end failed, with the cause
  // said), then close what is still open (live event streams never close by themselves) and exit.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    const grace = Number(process.env.RUN_KILL_GRACE_SECONDS ?? 10) * 1000 + 5000;
    void runShutdownHooks(grace).then(() => {
      server.closeAllConnections();
      process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
