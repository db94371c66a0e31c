import { describe, expect, it } from "vitest";
import { listenBanner } from "./listen-banner";

describe("listenBanner", () => {
  it("prints PUBLIC_URL when it is set", () => {
    expect(listenBanner({ host: "0.0.0.0", port: 3000, publicUrl: "https://hub.example.com/", machine: "vm" })).toBe(
      "https://hub.example.com (PUBLIC_URL; listening on 0.0.0.0:3000)",
    );
  });

  it("never prints a wildcard address as the one to open", () => {
    expect(listenBanner({ host: "0.0.0.0", port: 3000, machine: "vm" })).toBe(
      "http://127.0.0.1:3000 (listening on all interfaces, 0.0.0.0:3000; from other machines: http://vm:3000)",
    );
    expect(listenBanner({ host: "::", port: 8080, machine: "vm" })).toMatch(/^http:\/\/\[::1\]:8080 \(listening on all interfaces, \[::\]:8080/);
    expect(listenBanner({ host: "127.0.0.1", port: 3000, machine: "vm" })).toBe("http://127.0.0.1:3000");
  });
});
