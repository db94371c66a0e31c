// A fake hub for the runtime's unit tests: records every request the runtime sends and answers
// with a status the test chooses, so the protocol's order, shapes and retries can be checked
// without the real app. It also stores artifact uploads (raw bytes) and can serve an export's items
// in pages, as the hub's Synapse routes do (/work/notes/export-protocol.md).
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Recorded = {
  method: string;
  path: string;
  authorization?: string;
  headers: http.IncomingHttpHeaders;
  /** The body parsed as JSON when it was sent as JSON, else null (see `raw`). */
  body: unknown;
  raw: Buffer;
  at: number;
};
/** Decides the answer to a request: a status, optionally with headers and a JSON body. */
export type Responder = (req: Recorded, index: number) => { status: number; headers?: Record<string, string>; body?: unknown };

export type FakeHub = {
  url: string;
  requests: Recorded[];
  close: () => Promise<void>;
  /** Log entries received with a 2xx answer, in arrival order. */
  logs: () => LogEntry[];
  /** Bodies of answered PATCH /jobs/{id}/ requests, in order. */
  patches: () => Record<string, unknown>[];
  /** Artifacts uploaded with a 2xx answer: path → bytes and the declared sha256. */
  artifacts: () => Map<string, { bytes: Buffer; sha256: string }>;
};
export type LogEntry = { event: string; data: Record<string, unknown>; datetime: string; job: string; level: string; file?: string };

const ARTIFACT_PUT = /^\/api\/v1\/runs\/[^/]+\/artifacts\/(.+)$/;

export async function startFakeHub(respond: Responder = () => ({ status: 200 })): Promise<FakeHub> {
  const requests: Recorded[] = [];
  const answered: { req: Recorded; status: number }[] = [];
  let origin = "";
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const json = /json/.test(req.headers["content-type"] ?? "") && raw.length > 0;
      const recorded: Recorded = {
        method: req.method ?? "",
        path: req.url ?? "",
        authorization: req.headers.authorization,
        headers: req.headers,
        body: json ? JSON.parse(raw.toString("utf8")) : null,
        raw,
        at: Date.now(),
      };
      requests.push(recorded);
      const answer = respond(recorded, requests.length - 1);
      answered.push({ req: recorded, status: answer.status });
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      const body = answer.body ?? {};
      res.end(typeof body === "string" ? body.replaceAll("{origin}", origin) : JSON.stringify(body).replaceAll("{origin}", origin));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ok = () => answered.filter((a) => a.status >= 200 && a.status < 300).map((a) => a.req);
  return {
    url: origin,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    logs: () => ok().flatMap((r) => (r.method === "POST" && r.path === "/logs/" ? (r.body as LogEntry[]) : [])),
    patches: () => ok().flatMap((r) => (r.method === "PATCH" ? [r.body as Record<string, unknown>] : [])),
    artifacts: () =>
      new Map(
        ok().flatMap((r) => {
          const match = r.method === "PUT" ? ARTIFACT_PUT.exec(r.path) : null;
          return match ? [[decodeURIComponent(match[1]), { bytes: r.raw, sha256: String(r.headers["x-artifact-sha256"]) }] as const] : [];
        }),
      ),
  };
}

/** A responder that checks each upload's declared sha256 against its bytes, as the hub does (422 when they differ). */
export function checksArtifacts(next: Responder = () => ({ status: 200 })): Responder {
  return (req, index) => {
    if (req.method === "PUT" && ARTIFACT_PUT.test(req.path)) {
      const sha = createHash("sha256").update(req.raw).digest("hex");
      if (sha !== req.headers["x-artifact-sha256"]) return { status: 422, body: { code: "checksum_mismatch", detail: "not the declared bytes" } };
    }
    return next(req, index);
  };
}

export type Row = Record<string, unknown> & { id: number };
/**
 * Serves one export list (`/sdk/tasks/` …) the way the hub does: `page_size`, cursor paging with an
 * absolute `next`, and the page-mode count probe. Rows are made on demand by `row(n)` (n = 1..count),
 * so a list of 50,000 costs the fake nothing. Answers undefined for any other request.
 */
export function pagedList(route: string, count: number, row: (n: number) => Row) {
  return (req: Recorded): { status: number; body: unknown } | undefined => {
    const url = new URL(req.path, "http://fake");
    if (req.method !== "GET" || url.pathname !== route) return undefined;
    const size = Number(url.searchParams.get("page_size") ?? 100);
    if (url.searchParams.get("pagination") !== "cursor") {
      const page = Number(url.searchParams.get("page") ?? 1);
      const results = rows((page - 1) * size + 1, size, count, row);
      return {
        status: 200,
        body: { count, next: page * size < count ? `{origin}${route}?page=${page + 1}&page_size=${size}` : null, previous: null, results },
      };
    }
    const after = Number(url.searchParams.get("cursor") ?? 0);
    const results = rows(after + 1, size, count, row);
    const last = after + results.length;
    const next = last < count ? `{origin}${route}?${withCursor(url.searchParams, last)}` : null;
    return { status: 200, body: { next, previous: null, results } };
  };
}

function rows(first: number, size: number, count: number, row: (n: number) => Row): Row[] {
  const out: Row[] = [];
  for (let n = first; n < first + size && n <= count; n++) out.push(row(n));
  return out;
}

function withCursor(params: URLSearchParams, cursor: number): string {
  const copy = new URLSearchParams(params);
  copy.set("cursor", String(cursor));
  return copy.toString();
}

/** Resolves once the hub has been told RUNNING (for a serve action: once it listens). */
export async function untilRunning(hub: FakeHub, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!hub.patches().some((p) => p.status === "RUNNING")) {
    if (Date.now() > until) throw new Error("the runtime never reported RUNNING");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
