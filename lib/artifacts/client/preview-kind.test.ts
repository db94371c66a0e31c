import { describe, expect, it } from "vitest";
import { parseJsonLines, previewKind } from "./preview-kind";

describe("previewKind", () => {
  it("picks the preview by extension and content type", () => {
    expect(previewKind("a/result.json", "application/json")).toBe("json");
    expect(previewKind("data/part-1.jsonl", "application/x-ndjson")).toBe("jsonl");
    expect(previewKind("img/cat.PNG", "image/png")).toBe("image");
    expect(previewKind("notes/readme.txt", "text/plain; charset=utf-8")).toBe("text");
    expect(previewKind("table.csv", "text/csv; charset=utf-8")).toBe("text");
    expect(previewKind("model.pt", "application/octet-stream")).toBe("none");
  });
});

describe("parseJsonLines", () => {
  it("parses each line, shows a bad one with its error, and drops the line a range cut", () => {
    const lines = parseJsonLines('{"a":1}\n\nnot json\n{"b":', true);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({ n: 1, value: { a: 1 } });
    expect(lines[1]).toMatchObject({ n: 3, text: "not json" });
    expect(parseJsonLines('{"a":1}\n{"b":2}', false)).toHaveLength(2);
  });
});
