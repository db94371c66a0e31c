import { isIPv4, isIPv6 } from "node:net";

/**
 * The client's address for rate limits, normalised (normaliseAddress). The server
 * (server/node-bridge.ts) sets X-Forwarded-For to exactly one address: the socket's, or with
 * TRUST_PROXY the one the proxy in front saw.
 */
export function clientAddress(headers: Headers): string {
  return normaliseAddress(headers.get("x-forwarded-for")?.trim() ?? "") || "unknown";
}

/**
 * One key per client, however it spells its address: an IPv4-mapped IPv6 address is its IPv4
 * address, and an IPv6 address is its /64 network, since one host holds a whole /64 and rotates
 * its privacy addresses inside it (as an attacker can, at will).
 */
export function normaliseAddress(address: string): string {
  const bare = address.replace(/%.*$/, ""); // a zone index (fe80::1%eth0) names no other host
  if (!isIPv6(bare)) return address;
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (with `::` and a dotted IPv4 tail expanded). */
function ipv6Groups(address: string): number[] {
  const words = (part: string) =>
    part
      ? part.split(":").flatMap((word) => {
          if (!isIPv4(word)) return [parseInt(word, 16)];
          const [a, b, c, d] = word.split(".").map(Number);
          return [(a << 8) | b, (c << 8) | d];
        })
      : [];
  const [head, tail] = address.split("::");
  if (tail === undefined) return words(head);
  const before = words(head);
  const after = words(tail);
  return [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
}
