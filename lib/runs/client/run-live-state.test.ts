import { describe, expect, it } from "vitest";
import type { RunEventDto } from "@/lib/runs/schemas";
import { RunLiveState } from "./run-live-state";

let clock = Date.parse("2026-01-01T00:00:00Z");
const ev = (id: number, type: RunEventDto["type"], data: unknown): RunEventDto => ({ id, type, data, at: new Date((clock += 1000)).toISOString() });

describe("RunLiveState", () => {
  it("folds status, progress, logs and the result, and ignores events it has already seen", () => {
    const state = new RunLiveState();
    const events = [
      ev(1, "status", { status: "RUNNING" }),
      ev(2, "log", { level: "info", message: "epoch 1", source: "stdout" }),
      ev(3, "progress", { overall: 50, step: "train", steps: { train: { percent: 50, timeRemaining: 3 } } }),
      ev(4, "log", { level: "error", message: "oops", source: "stderr" }),
    ];
    state.apply(events.slice(0, 3));
    // A reconnect that replays from an earlier id must not duplicate anything.
    expect(state.apply(events)).toBe(true);
    expect(state.apply(events)).toBe(false);
    state.apply([ev(5, "result", { result: { accuracy: 0.9 } }), ev(6, "status", { status: "succeeded" })]);

    const snap = state.snapshot();
    expect(snap.lastEventId).toBe(6);
    expect(snap.status).toBe("succeeded");
    expect(state.terminal).toBe(true);
    expect(snap.progress?.steps.train.percent).toBe(50);
    expect(snap.logCount).toBe(2);
    expect(state.log.line(1)).toMatchObject({ text: "oops", level: "error" });
    expect(snap.result).toEqual({ accuracy: 0.9 });
  });

  it("builds a chart series per step and key from whole metric records, skipping unchanged steps", () => {
    const state = new RunLiveState();
    state.apply([
      ev(1, "metrics", { steps: { train: { loss: 0.9, note: "x" } } }),
      ev(2, "metrics", { steps: { train: { loss: 0.5 } } }),
      ev(3, "metrics", { steps: { train: { loss: 0.5 }, validation: { accuracy: 0.7 } } }),
    ]);
    const series = state.series.list;
    expect(series.map((s) => `${s.step}/${s.key}`)).toEqual(["train/loss", "validation/accuracy"]);
    expect(series[0].y).toEqual([0.9, 0.5]);
    expect(state.snapshot().seriesPoints).toBe(3);
  });

  it("plots SDK metric events against their value when they carry named metrics", () => {
    const state = new RunLiveState();
    state.apply([
      ev(1, "metric", { category: "epoch", key: "epoch", value: 1, metrics: { loss: 0.8, acc: 0.5 } }),
      ev(2, "metric", { category: "epoch", key: "epoch", value: 2, metrics: { loss: 0.4, acc: 0.7 } }),
      ev(3, "metric", { category: "val", key: "f1", value: 0.6 }),
    ]);
    const byName = Object.fromEntries(state.series.list.map((s) => [`${s.step}/${s.key}`, s]));
    expect(byName["epoch/loss"]).toMatchObject({ x: [1, 2], y: [0.8, 0.4], xKind: "value" });
    expect(byName["val/f1"]).toMatchObject({ x: [0], y: [0.6], xKind: "index" });
  });

  it("draws a metric once when it comes both as a whole record and as SDK metric events", () => {
    const state = new RunLiveState();
    state.apply([
      ev(1, "metrics", { steps: { train: { loss: 0.8, lr: 0.1 } } }),
      ev(2, "metric", { category: "train", key: "epoch", value: 1, metrics: { loss: 0.8 } }),
    ]);
    expect(state.series.list.map((s) => `${s.step}/${s.key}/${s.xKind}`)).toEqual(["train/lr/time", "train/loss/value"]);
  });

  it("merges trials by id and keeps the best trial", () => {
    const state = new RunLiveState();
    state.apply([
      ev(1, "trials", { base: ["status"], hyperparameters: ["lr"], metrics: ["loss"], trials: { a: { status: "running", lr: 0.1 } } }),
      ev(2, "trials", { trials: { a: { status: "done", loss: 0.3 }, b: { status: "running", lr: 0.01 } }, best_trial: "a" }),
    ]);
    const trials = state.snapshot().trials!;
    expect(trials.columns).toEqual(["status", "lr", "loss"]);
    expect(trials.rows).toEqual([
      { trial_id: "a", status: "done", lr: 0.1, loss: 0.3 },
      { trial_id: "b", status: "running", lr: 0.01 },
    ]);
    expect(trials.best).toBe("a");
  });

  it("collects gallery images and artifacts", () => {
    const state = new RunLiveState();
    state.apply([
      ev(1, "visualization", { category: "validation", group: "pred", index: 0, image: { url: "/blob/1", contentType: "image/png" } }),
      ev(2, "artifact", { name: "model.pt", size: 1234, sha256: "ab" }),
    ]);
    const snap = state.snapshot();
    expect(snap.images).toEqual([{ id: 1, category: "validation", group: "pred", index: 0, url: "/blob/1", contentType: "image/png" }]);
    expect(snap.artifacts).toEqual([{ name: "model.pt", size: 1234, sha256: "ab" }]);
  });
});
