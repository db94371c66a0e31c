// Which origin a request was addressed to. Pure (no env, no server-only), so the HTTP server, lib/
// and the unit tests share one rule:
// - PUBLIC_URL, when set, is the hub's one origin, whatever the request says;
// - otherwise the origin the request's Host names (the address the person typed), so a hub bound
//   to 0.0.0.0 or :: knows itself as http://192.168.1.5:3000 or http://[::1]:3000;
// - X-Forwarded-Proto/Host never count: behind a proxy (TRUST_PROXY) PUBLIC_URL is required, so
//   a client-supplied header can never pick the origin.

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export type OriginOptions = {
  publicUrl?: string;
  /** Used when the request names no usable host (HTTP/1.0, a malformed Host). */
  fallback: string;
};

export function requestOrigin(headers: HeaderBag, options: OriginOptions): string {
  if (options.publicUrl) return new URL(options.publicUrl).origin;
  return originOf("http", header(headers, "host")) ?? options.fallback;
}

/** An address a person can open for a server bound to `host` (0.0.0.0 and :: name no host). */
export function loopbackOrigin(host: string, port: number): string {
  const name = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return `http://${name.includes(":") ? `[${name}]` : name}:${port}`;
}

export const listensOnAllInterfaces = (host: string) => host === "0.0.0.0" || host === "::";

// A Host value is `name[:port]` or `[v6]:port` and nothing more: anything that would make the URL
// parser read a path, credentials or another host is refused.
const HOST_PATTERN = /^(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function originOf(protocol: string, host: string | undefined): string | undefined {
  if (!host || !HOST_PATTERN.test(host)) return undefined;
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    return undefined;
  }
}

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
