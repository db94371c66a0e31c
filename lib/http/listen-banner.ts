import { listensOnAllInterfaces, loopbackOrigin } from "./request-origin";

/**
 * The start-up line: an address a person can click. PUBLIC_URL when set; for a wildcard bind
 * (0.0.0.0, ::) a loopback address, and the machine's name for other machines, saying so.
 */
export function listenBanner(options: { host: string; port: number; publicUrl?: string; machine: string }): string {
  const { host, port, publicUrl, machine } = options;
  const bind = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  if (publicUrl) return `${new URL(publicUrl).origin} (PUBLIC_URL; listening on ${bind})`;
  if (!listensOnAllInterfaces(host)) return loopbackOrigin(host, port);
  return `${loopbackOrigin(host, port)} (listening on all interfaces, ${bind}; from other machines: http://${machine}:${port})`;
}
