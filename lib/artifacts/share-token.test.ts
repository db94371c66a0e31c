import { describe, expect, it } from "vitest";

process.env.BETTER_AUTH_SECRET = "a-test-secret-that-is-long-enough-0123456789";
const { createShareToken, readShareToken } = await import("./share-token");

const run = "7d0c6f7e-8f4a-4d59-9a53-0f3c1f5e2b11";

describe("share tokens", () => {
  it("name their run until they expire, and are refused after", () => {
    const expiresAt = new Date(Date.now() + 60_000);
    const token = createShareToken(run, expiresAt);
    expect(readShareToken(token).runId).toBe(run);
    expect(() => readShareToken(token, expiresAt.getTime() + 1000)).toThrow(expect.objectContaining({ code: "share_expired" }));
  });

  it("cannot be stretched or pointed at another run", () => {
    const token = createShareToken(run, new Date(Date.now() + 60_000));
    const [, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ r: run, e: Math.floor(Date.now() / 1000) + 10 ** 6 })).toString("base64url");
    expect(() => readShareToken(`${forged}.${signature}`)).toThrow(expect.objectContaining({ code: "share_invalid" }));
    expect(() => readShareToken("garbage")).toThrow(expect.objectContaining({ code: "share_invalid" }));
  });
});
