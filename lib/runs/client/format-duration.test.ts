import { describe, expect, it } from "vitest";
import { formatDuration, runDuration } from "./format-duration";

describe("formatDuration", () => {
  it("reads naturally at every scale", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(42_400)).toBe("42 s");
    expect(formatDuration(185_000)).toBe("3 m 05 s");
    expect(formatDuration(2 * 3600_000 + 14 * 60_000)).toBe("2 h 14 m");
    expect(formatDuration(50 * 3600_000)).toBe("2 d 2 h");
  });
});

describe("runDuration", () => {
  const createdAt = "2026-01-01T00:00:00Z";
  it("counts from the start to the finish, or to now while running", () => {
    expect(runDuration({ createdAt, startedAt: null, finishedAt: null }, Date.now())).toBeNull();
    expect(runDuration({ createdAt, startedAt: "2026-01-01T00:00:10Z", finishedAt: "2026-01-01T00:01:10Z" }, 0)).toBe(60_000);
    expect(runDuration({ createdAt, startedAt: "2026-01-01T00:00:10Z", finishedAt: null }, Date.parse("2026-01-01T00:00:15Z"))).toBe(5_000);
  });
});
