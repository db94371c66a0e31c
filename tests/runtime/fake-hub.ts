// A fake hub for the runtime's unit tests: records every request the runtime sends and answers
// with a status the test chooses, so the protocol's order, shapes and retries can be checked
// without the real app.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Recorded = { method: string; path: string; authorization?: string; body: unknown; at: number };
/** Decides the answer to a request: a status, optionally with headers. */
export type Responder = (req: Recorded, index: number) => { status: number; headers?: Record<string, string> };

export type FakeHub = {
  url: string;
  requests: Recorded[];
  close: () => Promise<void>;
  /** Log entries received with a 2xx answer, in arrival order. */
  logs: () => LogEntry[];
  /** Bodies of answered PATCH /jobs/{id}/ requests, in order. */
  patches: () => Record<string, unknown>[];
};
export type LogEntry = { event: string; data: Record<string, unknown>; datetime: string; job: string; level: string; file?: string };

export async function startFakeHub(respond: Responder = () => ({ status: 200 })): Promise<FakeHub> {
  const requests: Recorded[] = [];
  const answered: { req: Recorded; status: number }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const recorded: Recorded = {
        method: req.method ?? "",
        path: req.url ?? "",
        authorization: req.headers.authorization,
        body: text ? JSON.parse(text) : null,
        at: Date.now(),
      };
      requests.push(recorded);
      const answer = respond(recorded, requests.length - 1);
      answered.push({ req: recorded, status: answer.status });
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const ok = () => answered.filter((a) => a.status >= 200 && a.status < 300).map((a) => a.req);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    logs: () => ok().flatMap((r) => (r.method === "POST" && r.path === "/logs/" ? (r.body as LogEntry[]) : [])),
    patches: () => ok().flatMap((r) => (r.method === "PATCH" ? [r.body as Record<string, unknown>] : [])),
  };
}

/** Resolves once the hub has been told RUNNING (for a serve action: once it listens). */
export async function untilRunning(hub: FakeHub, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!hub.patches().some((p) => p.status === "RUNNING")) {
    if (Date.now() > until) throw new Error("the runtime never reported RUNNING");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
