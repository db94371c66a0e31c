// Node's IncomingMessage/ServerResponse ↔ the web Request/Response that route handlers speak.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { attachClientGone } from "../lib/http/client-gone";
import { attachNodeBody } from "../lib/http/node-body";

/**
 * The web Request for a Node request. `clientGone(request)` (lib/http/client-gone.ts) aborts when
 * the client goes away before the answer is complete, so a handler can stop its work.
 */
export function toWebRequest(req: IncomingMessage, res: ServerResponse, url: URL, trustProxy: boolean): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  // Per-address rate limits key on X-Forwarded-For, reduced here to the one address to trust: the
  // socket's, or behind a trusted proxy the last hop it appended (earlier entries are whatever the
  // client claimed). A client can never pick a fresh "address" for every attempt.
  headers.set("x-forwarded-for", clientAddressOf(req, trustProxy));
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const gone = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) gone.abort();
  });
  const request = new Request(url, {
    method: req.method,
    headers,
    // Created lazily: a handler that takes the Node stream (nodeBodyOf) never builds a web stream.
    body: hasBody ? lazyWebBody(req) : undefined,
    duplex: "half",
  } as RequestInit);
  if (hasBody) attachNodeBody(request, req);
  attachClientGone(request, gone.signal);
  return request;
}

function clientAddressOf(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy
    ? String(req.headers["x-forwarded-for"] ?? "")
        .split(",")
        .at(-1)
        ?.trim()
    : undefined;
  return forwarded || req.socket.remoteAddress || "unknown";
}

function lazyWebBody(req: IncomingMessage): ReadableStream {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  // highWaterMark 0: nothing is pulled (and no byte leaves the Node stream) until someone reads.
  return new ReadableStream(
    {
      async pull(controller) {
        reader ??= (Readable.toWeb(req) as ReadableStream<Uint8Array>).getReader();
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        req.destroy(reason instanceof Error ? reason : undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

function drained(res: ServerResponse): Promise<void> {
  if (res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done).off("close", done);
      resolve();
    };
    res.on("drain", done).on("close", done);
  });
}

const LATER = Symbol("later");
type Read = ReadableStreamReadResult<Uint8Array>;

/** The read if it is already settled (within this turn of the event loop), else LATER. */
function readNow(pending: Promise<Read>): Promise<Read | typeof LATER> {
  return Promise.race([pending, new Promise<typeof LATER>((resolve) => setImmediate(() => resolve(LATER)))]);
}

/**
 * Sends a web Response. A body that is complete at once (JSON answers, almost always) goes out in one
 * write with a Content-Length; anything still arriving (event streams, downloads) is streamed chunk
 * by chunk with back-pressure, headers first, and stops when the client goes away.
 */
export async function sendWebResponse(
  res: ServerResponse,
  response: Response,
  method: string | undefined,
  extraHeaders: Record<string, string>,
): Promise<void> {
  if (res.destroyed || res.writableEnded) {
    // The client left while the handler worked: nobody will read this body; let its source stop.
    await response.body?.cancel().catch(() => {});
    return;
  }
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  if (!response.body || method === "HEAD") {
    await response.body?.cancel();
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.once("close", () => void reader.cancel().catch(() => {}));
  const read = () => {
    const next = reader.read();
    next.catch(() => {}); // a source failing while we wait for `drain` is reported by the await below
    return next;
  };

  let pending = read();
  let first = await readNow(pending);
  if (first === LATER) {
    res.flushHeaders(); // a stream that starts slowly still shows its status and headers at once
    first = await pending;
  }
  if (first.done) return void res.end();
  pending = read();
  const second = await readNow(pending);
  if (second !== LATER && second.done) {
    // Headers flushed while the first chunk was awaited cannot gain a length any more.
    if (!res.headersSent && !res.hasHeader("content-length")) res.setHeader("content-length", first.value.byteLength);
    return void res.end(first.value);
  }
  let chunk: Read = first;
  for (;;) {
    if (!res.write(chunk.value)) await drained(res);
    if (res.destroyed) return;
    chunk = await pending;
    if (chunk.done) return void res.end();
    pending = read();
  }
}
