import { describe, expect, it } from "vitest";
import { sampleWindows, selectiveWindows } from "./search-windows";

// Every description says "... plugin N for ... pipelines", so those windows are in every row.
const sample = sampleWindows(Array.from({ length: 200 }, (_, i) => `bench ${["vision", "speech"][i % 2]} ${i} benchmark plugin ${i} for detection pipelines.`));

describe("selectiveWindows", () => {
  it("puts the term's rarest window first, so the index skips the trigrams every row has", () => {
    expect(selectiveWindows("plugin 123 for", sample)).toEqual(["123", "plu", "lug", "ugi", "gin", "for"]);
  });

  it("prefers a word some rows have over a word every row has", () => {
    expect(selectiveWindows("vision pipelines", sample)[0]).toMatch(/^(vis|isi|sio)$/);
  });

  it("keeps windows as typed (Postgres lowercases them like the term) and skips spaces and punctuation", () => {
    const windows = selectiveWindows("Vi-SION x1", sample);
    expect(windows.sort()).toEqual(["ION", "SIO"]);
  });

  it("has nothing to offer without a sample or without three letters or digits in a row", () => {
    expect(selectiveWindows("vision", undefined)).toEqual([]);
    expect(selectiveWindows("ab", sample)).toEqual([]);
    expect(selectiveWindows("a b-c", sample)).toEqual([]);
    expect(selectiveWindows("été", sample)).toEqual([]);
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
