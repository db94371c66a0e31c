import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiRouter } from "./api-router";

// The router over a small app folder (server/test-app) that uses every Next.js folder convention,
// served by a real HTTP server; requests go over the wire.
let server: Server;
let base: string;

beforeAll(async () => {
  const api = await createApiRouter(path.join(import.meta.dirname, "test-app"), { serve: true, trustProxy: false });
  server = createServer((req, res) => {
    const url = new URL(`http://127.0.0.1${req.url}`);
    void api.handle(req, res, url).then((handled) => {
      if (!handled) res.writeHead(200, { "content-type": "text/plain" }).end("next.js");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Sends raw bytes and returns everything the server sent back until it closed the connection. */
function rawExchange(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(base).port), "127.0.0.1", () => socket.end(request));
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString()));
    socket.on("end", () => resolve(received));
    socket.on("error", reject);
  });
}

const get = async (p: string) => {
  const response = await fetch(`${base}${p}`);
  return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
};

describe("API router", () => {
  it("prefers a literal segment over a parameter over a catch-all", async () => {
    expect((await get("/api/items/static")).body).toEqual({ route: "static" });
    expect((await get("/api/items/42")).body).toEqual({ route: "item", params: { "item-id": "42" } });
    expect((await get("/api/items/42/more/x%2Fy")).body).toEqual({ route: "rest", params: { rest: ["42", "more", "x/y"] } });
  });

  it("serves optional catch-alls with and without segments", async () => {
    expect((await get("/api/docs")).body).toEqual({ route: "docs", params: {} });
    expect((await get("/api/docs/a/b")).body).toEqual({ route: "docs", params: { slug: ["a", "b"] } });
  });

  it("leaves route groups out of the URL and never routes private folders", async () => {
    expect((await get("/api/settings")).body).toEqual({ route: "settings" });
    expect((await get("/api/_under")).body).toEqual({ route: "underscore" });
    const hidden = await get("/api/_private/hidden");
    expect(hidden.status).toBe(404);
  });

  it("answers an unknown /api path with a problem+json 404, and leaves other paths to Next.js", async () => {
    const missing = await get("/api/nothing/here");
    expect(missing).toMatchObject({ status: 404, type: "application/problem+json", body: { code: "not_found" } });
    const page = await fetch(`${base}/plugins`);
    expect(await page.text()).toBe("next.js");
  });

  it("answers OPTIONS with Allow, a missing method with 405, HEAD from GET without a body", async () => {
    const options = await fetch(`${base}/api/methods`, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
    const del = await fetch(`${base}/api/methods`, { method: "DELETE" });
    expect(del.status).toBe(405);
    expect(del.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
    expect(((await del.json()) as { code: string }).code).toBe("method_not_allowed");
    // Over a raw socket: fetch would drop a HEAD body even if the server sent one.
    const head = await rawExchange(`HEAD /api/methods HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(head).toMatch(/^HTTP\/1.1 200/);
    expect(head.split("\r\n\r\n")[1]).toBe("");
    const post = await fetch(`${base}/api/methods`, { method: "POST", body: "hello" });
    expect(post.status).toBe(201);
    expect(await post.json()).toEqual({ got: "hello" });
  });

  it("tells a handler that its client left, and cancels the stream it then returns", async () => {
    const socket = connect(Number(new URL(base).port), "127.0.0.1");
    socket.write("GET /api/slow HTTP/1.1\r\nHost: x\r\n\r\n");
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy(); // gone while the handler still works
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await get("/api/slow/state")).body).toEqual({ aborted: true, cancelled: true });
  });

  it("matches parameters as long as a semantic version may be", async () => {
    const version = `1.0.0-${"a".repeat(240)}`;
    expect((await get(`/api/items/${version}`)).body).toEqual({ route: "item", params: { "item-id": version } });
  });

  it("sends a one-piece answer with a Content-Length", async () => {
    const response = await fetch(`${base}/api/items/static`);
    expect(response.headers.get("content-length")).toBe(String(JSON.stringify({ route: "static" }).length));
  });

  it.each(["text/event-stream", "application/x-ndjson", "application/json"])("streams %s chunk by chunk", async (type) => {
    const started = performance.now();
    const response = await fetch(`${base}/api/stream?type=${encodeURIComponent(type)}`);
    const reader = response.body!.getReader();
    const first = await reader.read();
    const firstAt = performance.now() - started;
    expect(new TextDecoder().decode(first.value)).toBe("first\n");
    expect(firstAt).toBeLessThan(250); // the second chunk is sent 300 ms in
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe("second\n");
  });

  it("lists every operation for the OpenAPI document", async () => {
    const api = await createApiRouter(path.join(import.meta.dirname, "test-app"), { serve: false, trustProxy: false });
    const table = await api.table();
    expect(table.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      "GET /api/_under",
      "GET /api/docs/{slug}",
      "GET /api/files/{path}",
      "GET /api/items/static",
      "GET /api/items/{item-id}",
      "GET /api/items/{rest}",
      "GET /api/methods",
      "GET /api/settings",
      "GET /api/slow",
      "GET /api/slow/state",
      "GET /api/stream",
      "POST /api/methods",
    ]);
  });
});
