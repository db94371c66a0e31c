import { describe, expect, it } from "vitest";
import { loopbackOrigin, requestOrigin } from "./request-origin";

const base = { fallback: "http://127.0.0.1:3000" };

describe("requestOrigin", () => {
  it("is PUBLIC_URL's origin whenever it is set, whatever the request names", () => {
    const headers = new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "evil.example" });
    expect(requestOrigin(headers, { ...base, publicUrl: "https://hub.example.com/some/path" })).toBe("https://hub.example.com");
  });

  it("is the origin the Host header names otherwise", () => {
    expect(requestOrigin({ host: "192.168.1.5:3000" }, base)).toBe("http://192.168.1.5:3000");
    expect(requestOrigin({ host: "Hub.Local" }, base)).toBe("http://hub.local");
    expect(requestOrigin(new Headers({ host: "[::1]:3000" }), base)).toBe("http://[::1]:3000");
    expect(requestOrigin({ host: "localhost:80" }, base)).toBe("http://localhost");
  });

  it("falls back when the Host is missing or could smuggle another origin", () => {
    for (const host of [undefined, "", "evil.example/path", "user@evil.example", "a b", "evil.example:99999x", "[::1"]) {
      expect(requestOrigin({ host }, base)).toBe(base.fallback);
    }
  });

  it("never takes X-Forwarded-Host or -Proto (behind a proxy PUBLIC_URL names the origin)", () => {
    const headers = { host: "127.0.0.1:3000", "x-forwarded-host": "hub.example.com", "x-forwarded-proto": "https" };
    expect(requestOrigin(headers, base)).toBe("http://127.0.0.1:3000");
  });
});

describe("loopbackOrigin", () => {
  it("names an address a person can open for wildcard and IPv6 binds", () => {
    expect(loopbackOrigin("0.0.0.0", 3000)).toBe("http://127.0.0.1:3000");
    expect(loopbackOrigin("::", 3000)).toBe("http://[::1]:3000");
    expect(loopbackOrigin("fd00::2", 8080)).toBe("http://[fd00::2]:8080");
    expect(loopbackOrigin("hub.local", 3000)).toBe("http://hub.local:3000");
  });
});
