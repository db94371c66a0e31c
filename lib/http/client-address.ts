/**
 * The client's address for rate limits. The server (server/node-bridge.ts) sets X-Forwarded-For to
 * exactly one address: the socket's, or with TRUST_PROXY the one the proxy in front saw.
 */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.trim() || "unknown";
}
