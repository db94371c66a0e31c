import { describe, expect, it } from "vitest";

process.env.BETTER_AUTH_SECRET = "a-test-secret-that-is-long-enough-0123456789";
const { checkFileSignature, FILE_URL_TTL_SECONDS, signedFileUrl } = await import("./signed-file-url");

const parts = (url: string) => {
  const u = new URL(url);
  return { path: u.pathname, expires: Number(u.searchParams.get("expires")), signature: u.searchParams.get("signature")! };
};

describe("signed project-file URLs", () => {
  it("end in the file's name, read until they expire, and are refused after", () => {
    const now = Date.now();
    const url = signedFileUrl("http://hub.test", 42, "scan 01.png", now);
    const { path, expires, signature } = parts(url);
    expect(path).toBe("/api/v1/project-files/42/scan%2001.png");
    expect(expires).toBe(Math.floor(now / 1000) + FILE_URL_TTL_SECONDS);
    expect(() => checkFileSignature(42, expires, signature, now)).not.toThrow();
    expect(() => checkFileSignature(42, expires, signature, (expires + 1) * 1000)).toThrow(expect.objectContaining({ code: "share_expired" }));
  });

  it("cannot be stretched or pointed at another file", () => {
    const { expires, signature } = parts(signedFileUrl("http://hub.test", 42, "a.png"));
    expect(() => checkFileSignature(43, expires, signature)).toThrow(expect.objectContaining({ code: "share_invalid" }));
    expect(() => checkFileSignature(42, expires + 3600, signature)).toThrow(expect.objectContaining({ code: "share_invalid" }));
    expect(() => checkFileSignature(42, expires, "garbage")).toThrow(expect.objectContaining({ code: "share_invalid" }));
  });
});
