import { describe, expect, it } from "vitest";
import { LogStore } from "./log-store";

describe("LogStore", () => {
  it("keeps every line with its level and time, past its initial capacity", () => {
    const store = new LogStore();
    for (let i = 0; i < 100_000; i++) store.append(`line ${i}`, i % 10 === 0 ? "ERROR" : "info", 1_700_000_000_000 + i);
    expect(store.count).toBe(100_000);
    expect(store.line(0)).toEqual({ text: "line 0", level: "error", at: 1_700_000_000_000 });
    expect(store.line(99_999)).toEqual({ text: "line 99999", level: "info", at: 1_700_000_099_999 });
  });

  it("maps an unknown level to info", () => {
    const store = new LogStore();
    store.append("x", "critical", 0);
    expect(store.line(0).level).toBe("info");
  });

  it("finds lines case-insensitively, including lines added after the first search", () => {
    const store = new LogStore();
    store.append("Epoch 1 loss=0.9", "info", 0);
    store.append("saving checkpoint", "info", 0);
    expect(store.search("LOSS")).toEqual([0]);
    store.append("epoch 2 Loss=0.5", "info", 0);
    expect(store.search("loss")).toEqual([0, 2]);
    expect(store.search("checkpoint")).toEqual([1]);
    store.append("LOSS is down", "info", 0);
    expect(store.search("loss")).toEqual([0, 2, 3]);
    expect(store.search("")).toEqual([]);
  });
});
