import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress } from "./client-address";

describe("normaliseAddress", () => {
  it("keeps IPv4 addresses as they are", () => {
    expect(normaliseAddress("203.0.113.7")).toBe("203.0.113.7");
  });

  it("reads an IPv4-mapped IPv6 address as its IPv4 address, in either spelling", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("::FFFF:c000:0280")).toBe("192.0.2.128");
  });

  it("reduces an IPv6 address to its /64, so rotating privacy addresses stay one client", () => {
    const one = ["2001:db8:1:2::1", "2001:DB8:1:2:aaaa:bbbb:cccc:dddd", "2001:0db8:0001:0002:ffff::7", "2001:db8:1:2::1%eth0"];
    expect(new Set(one.map(normaliseAddress))).toEqual(new Set(["2001:db8:1:2::/64"]));
    expect(normaliseAddress("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(normaliseAddress("::1")).toBe("0:0:0:0::/64");
    expect(normaliseAddress("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });

  it("leaves anything else alone", () => {
    expect(normaliseAddress("unknown")).toBe("unknown");
    expect(normaliseAddress("")).toBe("");
  });
});

describe("clientAddress", () => {
  it("normalises the one address the server forwards", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": " ::ffff:10.0.0.5 " }))).toBe("10.0.0.5");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
