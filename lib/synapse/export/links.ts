import "server-only";
import { env } from "@/lib/env";
import { hubOrigin } from "@/lib/http/hub-origin";
import { loopbackOrigin, requestOrigin } from "@/lib/http/request-origin";
import type { Reader } from "./access";

/**
 * The origin of the absolute links a list hands out (`next`, file URLs). A run's process gets the
 * address it reached the hub at (its Host): a local run talks to the bind address, which PUBLIC_URL
 * (a proxy, a TLS front) may not be reachable from. Anyone else gets the hub's origin (PUBLIC_URL).
 */
export function callerOrigin(req: Request, reader: Reader): string {
  if (reader.kind !== "run") return hubOrigin(req);
  const { HOST, PORT } = env();
  return requestOrigin(req.headers, { fallback: loopbackOrigin(HOST, PORT) });
}

/** The path the client asked for (the SDK's root path when rewritten) with `set` applied and `drop` removed, on `origin`. */
export function pageLink(asked: URL, origin: string, set: Record<string, string>, drop: string[]): string {
  const url = new URL(`${asked.pathname}${asked.search}`, origin);
  for (const key of drop) url.searchParams.delete(key);
  for (const [key, value] of Object.entries(set)) url.searchParams.set(key, value);
  return url.toString();
}
