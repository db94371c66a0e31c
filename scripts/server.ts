// The hub's HTTP server: Next.js's request handler inside a plain Node server (what `next start`
// does), plus one shim that `next start` cannot offer (see below).
import { createServer, type ServerResponse } from "node:http";
import next from "next";

const dev = process.argv.includes("--dev");
const hostname = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);

/**
 * Next.js drops `Content-Length` from route handler responses (send-response.ts, FORBIDDEN_HEADERS),
 * so downloads would always be chunked. Handlers that know their exact length set
 * `x-content-length`; it is turned back into `Content-Length` here, before the body is piped.
 */
export const LENGTH_HEADER = "x-content-length";

function restoreContentLength(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) =>
    setHeader(name.toLowerCase() === LENGTH_HEADER ? "content-length" : name, value);
}

async function main(): Promise<void> {
  const app = next({ dev, hostname, port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    restoreContentLength(res);
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => console.log(`listening on http://${hostname}:${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
