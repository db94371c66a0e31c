import { describe, expect, it } from "vitest";
import { toMetrics, toProgress } from "./progress-record";

describe("toProgress", () => {
  it("reads the newer SDK's steps and the older SDK's categories alike", () => {
    const steps = toProgress({
      record: { steps: { work: { percent: 66.67, time_remaining: 0 } } },
      current_progress: { overall: 1.33, step: "work", percent: 66.67 },
    });
    const categories = toProgress({
      record: { categories: { work: { percent: 66.67, time_remaining: 0 } } },
      current_progress: { overall: 1.33, category: "work", percent: 66.67 },
    });
    expect(steps).toEqual({ overall: 66.67, step: "work", steps: { work: { percent: 66.67, timeRemaining: 0 } } });
    expect(categories).toEqual(steps);
  });

  it("weighs steps by their proportion, counting steps not begun as nothing", () => {
    const progress = toProgress({ record: { steps: { download: { percent: 100, proportion: 20 }, train: { percent: 50, proportion: 80 } } } });
    expect(progress?.overall).toBe(60);
    const early = toProgress({ record: { steps: { download: { percent: 100, proportion: 20 } } } });
    expect(early?.overall).toBe(20);
  });

  it("clamps nonsense and ignores what is not a record", () => {
    expect(toProgress({ record: { steps: { a: { percent: 250 } } } })?.overall).toBe(100);
    expect(toProgress("garbage")).toBeNull();
    expect(toProgress({})).toBeNull();
  });
});

describe("toMetrics", () => {
  it("takes either spelling and nothing empty", () => {
    expect(toMetrics({ record: { steps: { train: { loss: 0.5 } } } })).toEqual({ train: { loss: 0.5 } });
    expect(toMetrics({ record: { categories: { train: { loss: 0.5 } } } })).toEqual({ train: { loss: 0.5 } });
    expect(toMetrics({ record: {} })).toBeNull();
  });
});
