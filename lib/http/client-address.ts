/**
 * The client's address for rate limits. The server sets X-Forwarded-For to the socket's address
 * unless TRUST_PROXY says a proxy in front sets it (scripts/server/node-bridge.ts); the first entry
 * is the client as the outermost proxy saw it.
 */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0].trim() || "unknown";
}
