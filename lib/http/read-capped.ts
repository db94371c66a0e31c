import type { Readable } from "node:stream";
import { AppError } from "./errors";
import { nodeBodyOf } from "./node-body";

/** Every body the hub buffers whole (JSON, better-auth's forms) is at most this big. */
export const MAX_BUFFERED_BODY_BYTES = 1024 * 1024;

/**
 * The request body, refused with 413 as soon as it is known to exceed `max`: from Content-Length
 * before reading a byte, else (chunked, or a length that lies) at the first chunk past the cap.
 * Nothing past the cap is kept. What the client is still sending is then discarded, up to
 * DRAIN_LIMIT: a client that is still writing when the connection closes (Node's fetch, say) would
 * see a reset instead of its 413. Past that limit the connection is cut.
 */
export async function readCapped(req: Request, max = MAX_BUFFERED_BODY_BYTES): Promise<Buffer> {
  const length = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(length) && length > max) throw tooLarge(max);
  const node = nodeBodyOf(req);
  if (node) return readNode(node, max);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > max) {
      reader.releaseLock();
      throw tooLarge(max);
    }
    chunks.push(value);
  }
}

function readNode(body: Readable, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      body.off("data", onData);
      body.off("end", onEnd);
      body.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        cleanup();
        reject(tooLarge(max));
        discardRest(body);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = () => {
      cleanup();
      reject(new AppError("bad_request", "The request body was interrupted."));
    };
    body.on("data", onData);
    body.on("end", onEnd);
    body.on("error", onError);
  });
}

const DRAIN_LIMIT = 16 * 1024 * 1024;

function discardRest(body: Readable): void {
  let left = DRAIN_LIMIT;
  body.on("data", (chunk: Buffer) => {
    left -= chunk.length;
    if (left < 0) body.destroy();
  });
  body.on("error", () => {}); // a cut connection is expected here
}

const tooLarge = (max: number) => new AppError("payload_too_large", `The request body is larger than the limit of ${max} bytes.`);
