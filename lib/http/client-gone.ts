/**
 * A signal that aborts when the client of a request goes away before its answer is complete, set by
 * the server (server/node-bridge.ts). Not passed as the Request's own `signal`: undici then registers
 * every request in a FinalizationRegistry whose clean-ups run in bursts after garbage collection,
 * which stalled the event loop for up to 0.6 s under load (bench/catalog). Under Next.js (development)
 * the Request's own signal does the same job.
 */
const signals = new WeakMap<Request, AbortSignal>();

export function attachClientGone(req: Request, signal: AbortSignal): void {
  signals.set(req, signal);
}

export function clientGone(req: Request): AbortSignal {
  return signals.get(req) ?? req.signal;
}
