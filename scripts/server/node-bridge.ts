// Node's IncomingMessage/ServerResponse ↔ the web Request/Response that route handlers speak.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import { attachNodeBody } from "../../lib/http/node-body";

export function toWebRequest(req: IncomingMessage, origin: string, trustProxy: boolean): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  // Per-IP rate limits key on X-Forwarded-For; unless a trusted proxy set it, it is the socket's
  // address, so a client cannot pick a fresh "IP" for every attempt.
  if (!trustProxy) headers.set("x-forwarded-for", req.socket.remoteAddress ?? "unknown");
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    // Created lazily: a handler that takes the Node stream (nodeBodyOf) never builds a web stream.
    body: hasBody ? lazyWebBody(req) : undefined,
    duplex: "half",
  } as RequestInit);
  if (hasBody) attachNodeBody(request, req);
  return request;
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

export async function sendWebResponse(
  res: ServerResponse,
  response: Response,
  method: string | undefined,
  extraHeaders: Record<string, string>,
): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  if (!response.body || method === "HEAD") {
    res.end();
    return;
  }
  // JSON answers are small: one buffer is much cheaper than bridging a web stream chunk by chunk.
  if (/json/.test(response.headers.get("content-type") ?? "")) {
    res.end(Buffer.from(await response.arrayBuffer()));
    return;
  }
  await pipeline(Readable.fromWeb(response.body as WebReadableStream), res);
}
