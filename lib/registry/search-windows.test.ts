import { describe, expect, it } from "vitest";
import { sampleWindows, selectiveWindow, windowsByRarity } from "./search-windows";

// Every description says "... plugin N for ... pipelines", so those windows are in every row.
const sample = sampleWindows(
  Array.from({ length: 200 }, (_, i) => `bench ${["vision", "speech", "text", "audio", "graph"][i % 5]} ${i} benchmark plugin ${i} for detection pipelines.`),
);

describe("selectiveWindow", () => {
  it("hands the index the term's rarest window, not the trigrams every row has", () => {
    expect(selectiveWindow("plugin 123 for", sample)).toBe("123");
    expect(selectiveWindow("vision pipelines", sample)).toMatch(/^(vis|isi|sio)$/);
  });

  it("keeps the window as typed: Postgres lowercases it exactly as it lowercases the term", () => {
    expect(selectiveWindow("VISION", sample)).toMatch(/^(VIS|ISI|SIO)$/);
  });

  it("leaves the whole term to the index when even the rarest window is common", () => {
    // No window of "plugin 12 for" is rare; only the word boundaries around "12" are.
    expect(selectiveWindow("plugin 12 for", sample)).toBeUndefined();
    expect(selectiveWindow("pipelines", sample)).toBeUndefined();
  });

  it("has nothing to offer without a sample or without three letters or digits in a row", () => {
    expect(selectiveWindow("vision", undefined)).toBeUndefined();
    expect(selectiveWindow("ab", sample)).toBeUndefined();
    expect(selectiveWindow("a b-c", sample)).toBeUndefined();
    expect(selectiveWindow("été", sample)).toBeUndefined();
  });
});

describe("windowsByRarity", () => {
  it("orders the windows of letters and digits by the share of sample rows holding them", () => {
    expect(windowsByRarity("Plugin 123 for", sample)).toEqual([
      { window: "123", share: 1 / 200 },
      ...["Plu", "lug", "ugi", "gin", "for"].map((window) => ({ window, share: 1 })),
    ]);
    expect(windowsByRarity("Vi-SION x1", sample).map((w) => w.window)).toEqual(["SIO", "ION"]);
  });
});

describe("sampleWindows", () => {
  it("counts the texts that contain each window once, however often it repeats in one text", () => {
    const counted = sampleWindows(["aaaa", "aab"]);
    expect(counted.size).toBe(2);
    expect(counted.rows.get("aaa")).toBe(1);
    expect(counted.rows.get("aab")).toBe(1);
    expect(counted.rows.has("abc")).toBe(false);
  });
});
