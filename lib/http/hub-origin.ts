import "server-only";
import { env } from "@/lib/env";
import { loopbackOrigin, requestOrigin } from "./request-origin";

/**
 * The hub's origin as this request reached it: PUBLIC_URL when set, else what its Host names. The
 * base of every absolute link an answer hands out, and the only origin a cookie mutation may come
 * from. Read from the headers, not req.url, so it holds however the Request was built (our server,
 * or Next.js in development, which builds URLs from the bind address).
 */
export function hubOrigin(req: Request): string {
  const config = env();
  return requestOrigin(req.headers, { publicUrl: config.PUBLIC_URL, fallback: fallbackOrigin() });
}

/**
 * Where processes the hub starts (runs) report back to, outside any request: PUBLIC_URL when set,
 * else this machine's own address for the bind (a loopback one for 0.0.0.0 and ::).
 */
export function reportBackUrl(): string {
  return env().PUBLIC_URL ? new URL(env().PUBLIC_URL!).origin : fallbackOrigin();
}

/**
 * Where processes on this very machine (the local backend's runs) reach the hub: its own bind
 * address, never PUBLIC_URL, which may name a proxy or TLS front that this machine cannot reach.
 */
export function localHubUrl(): string {
  return fallbackOrigin();
}

function fallbackOrigin(): string {
  const { HOST, PORT } = env();
  return loopbackOrigin(HOST, PORT);
}
