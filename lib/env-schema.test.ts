import { describe, expect, it } from "vitest";
import { parseEnv } from "./env-schema";

describe("parseEnv", () => {
  it("applies defaults", () => {
    expect(parseEnv({})).toMatchObject({ HOST: "127.0.0.1", PORT: 3000, DATA_DIR: ".data", SEED_EXAMPLES: true, ARCHIVE_MAX_BYTES: 200 * 1024 * 1024 });
  });

  it("names every bad variable, with its value, in one message", () => {
    expect(() => parseEnv({ PORT: "abc", ARCHIVE_MAX_RATIO: "-1", DATABASE_URL: "mysql://x", SEED_EXAMPLES: "maybe" })).toThrowError(
      /PORT="abc": must be a port number[\s\S]*ARCHIVE_MAX_RATIO="-1": must be a whole number above 0/,
    );
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrowError(/DATABASE_URL="mysql:\/\/x": must be a postgres/);
    expect(() => parseEnv({ SEED_EXAMPLES: "maybe" })).toThrowError(/SEED_EXAMPLES="maybe"/);
  });
});

describe("PUBLIC_URL", () => {
  it("is unset when empty, and must be a URL otherwise", () => {
    expect(parseEnv({ PUBLIC_URL: "" }).PUBLIC_URL).toBeUndefined();
    expect(() => parseEnv({ PUBLIC_URL: "hub.example.com" })).toThrowError(/PUBLIC_URL="hub.example.com"/);
  });
});

describe("RATE_LIMITS", () => {
  it("reads calls per window for each named limit", () => {
    expect(parseEnv({ RATE_LIMITS: "publish=5/60, setup=2/10" }).RATE_LIMITS).toEqual({
      publish: { max: 5, windowSeconds: 60 },
      setup: { max: 2, windowSeconds: 10 },
    });
    expect(() => parseEnv({ RATE_LIMITS: "publish=5" })).toThrowError(/RATE_LIMITS="publish=5"/);
  });
});

describe("TRUST_PROXY", () => {
  it("needs PUBLIC_URL, which alone tells a hub behind a TLS proxy that its cookies must be Secure", () => {
    expect(() => parseEnv({ TRUST_PROXY: "true" })).toThrowError(/TRUST_PROXY="true": needs PUBLIC_URL/);
    expect(parseEnv({ TRUST_PROXY: "true", PUBLIC_URL: "https://hub.example.com" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
  });
});

describe("DEBUG_RELEASE_MAX_AGE", () => {
  it("reads seconds, or a number with a unit, and defaults to a week", () => {
    expect(parseEnv({}).DEBUG_RELEASE_MAX_AGE).toBe(7 * 86400);
    expect(parseEnv({ DEBUG_RELEASE_MAX_AGE: "90" }).DEBUG_RELEASE_MAX_AGE).toBe(90);
    expect(parseEnv({ DEBUG_RELEASE_MAX_AGE: "12h" }).DEBUG_RELEASE_MAX_AGE).toBe(12 * 3600);
    expect(parseEnv({ DEBUG_RELEASE_MAX_AGE: "3s" }).DEBUG_RELEASE_MAX_AGE).toBe(3);
    expect(() => parseEnv({ DEBUG_RELEASE_MAX_AGE: "a week" })).toThrowError(/DEBUG_RELEASE_MAX_AGE="a week": must be a duration/);
    expect(() => parseEnv({ DEBUG_RELEASE_MAX_AGE: "0d" })).toThrowError(/DEBUG_RELEASE_MAX_AGE/);
  });
});
