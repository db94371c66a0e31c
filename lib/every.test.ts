import { afterEach, describe, expect, it, vi } from "vitest";
import { every } from "./every";

describe("every", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("runs at once and then on each interval, never two runs at a time, once per name", async () => {
    vi.useFakeTimers();
    let started = 0;
    let finish: () => void = () => {};
    const task = () => {
      started++;
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const stop = every("test-overlap", 1000, "test", task);
    expect(every("test-overlap", 1000, "test", task)).toBeTypeOf("function"); // a second start is a no-op
    expect(started).toBe(1);
    await vi.advanceTimersByTimeAsync(3000); // the first run still going: its turns are skipped
    expect(started).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toBe(2);
    stop();
    finish();
    await vi.advanceTimersByTimeAsync(5000);
    expect(started).toBe(2);
  });

  it("logs a failure and keeps the schedule", async () => {
    vi.useFakeTimers();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    let calls = 0;
    const stop = every("test-failure", 1000, "sweep the test", async () => {
      calls++;
      throw new Error("boom");
    });
    await vi.advanceTimersByTimeAsync(2000);
    stop();
    expect(calls).toBe(3);
    expect(logged).toHaveBeenCalledWith("could not sweep the test:", expect.any(Error));
  });
});
