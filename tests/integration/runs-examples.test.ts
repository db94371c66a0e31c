import { describe, expect, it } from "vitest";
import type { RunEventDto } from "@/lib/runs/schemas";
import { allEvents, launchOk, waitForRun } from "@/tests/helpers/runs";

// The seeded examples, run through the hub on the local backend as a person would launch them.
const ofType = (events: RunEventDto[], type: string) => events.filter((e) => e.type === type).map((e) => e.data as Record<string, unknown>);

describe("the example plugins run on the local backend", () => {
  it("tiny-classifier train: progress per epoch, loss metrics, a metric event per epoch, a picture and the model as an artifact", async () => {
    const run = await waitForRun((await launchOk({ plugin: "tiny-classifier", action: "train", params: { epochs: 8, sleep_per_epoch: 0 } })).id);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run.progress?.overall).toBe(100);
    expect(Object.keys(run.metrics?.train ?? {})).toEqual(expect.arrayContaining(["loss", "accuracy", "val_accuracy"]));
    const events = await allEvents(run.id);
    expect(ofType(events, "metrics").length).toBeGreaterThanOrEqual(1); // coalesced by the runtime: 8 fast epochs may be one report
    expect(ofType(events, "metric").length).toBe(8);
    const [picture] = ofType(events, "visualization");
    expect((picture.image as { url: string }).url).toMatch(/^data:image\/png;base64,/);
    expect(ofType(events, "artifact").map((a) => a.name)).toContain("model.json");
  });

  it("tiny-classifier tune: trials reported as they finish, with the best one named", async () => {
    const run = await waitForRun((await launchOk({ plugin: "tiny-classifier", action: "tune", params: { learning_rates: "0.03, 0.3, 3", epochs: 5 } })).id);
    expect(run.status, run.error ?? "").toBe("succeeded");
    const trials = ofType(await allEvents(run.id), "trials");
    expect(trials.length).toBeGreaterThanOrEqual(3);
    const last = trials.at(-1)!;
    expect(Object.keys(last.trials as object)).toHaveLength(3);
    expect(Object.keys(last.trials as object)).toContain(last.best_trial);
  });

  it("dataset-exporter export: without a project to read, fails saying which filter it needs", async () => {
    const run = await waitForRun((await launchOk({ plugin: "dataset-exporter", action: "export", params: { name: "x", target: "task", filter: {} } })).id);
    expect(run.status).toBe("failed");
    expect(run.error).toContain("needs filter.project");
  });
});
