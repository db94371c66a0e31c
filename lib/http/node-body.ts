import type { Readable } from "node:stream";

/**
 * The Node stream behind a Request's body, when the server built the Request itself
 * (server/node-bridge.ts). Large uploads read it directly instead of through a web stream
 * wrapped around a Node stream and back, which cost half the publish throughput (bench/publish).
 */
const bodies = new WeakMap<Request, Readable>();

export function attachNodeBody(req: Request, body: Readable): void {
  bodies.set(req, body);
}

export function nodeBodyOf(req: Request): Readable | undefined {
  return bodies.get(req);
}
