import { describe, expect, it } from "vitest";
import { contentTypeOf, isActiveContent, storedFileHeaders } from "./content-type";

describe("contentTypeOf", () => {
  it.each([
    ["result.json", "application/json"],
    ["data/part-1.JSONL", "application/x-ndjson"],
    ["notes.txt", "text/plain; charset=utf-8"],
    ["images/a.b/photo.jpeg", "image/jpeg"],
    ["drawing.svg", "image/svg+xml"],
    ["report.html", "text/html; charset=utf-8"],
    ["weights", "application/octet-stream"],
    ["a.json/weights", "application/octet-stream"],
    ["archive.unknown", "application/octet-stream"],
  ])("%s → %s", (name, type) => {
    expect(contentTypeOf(name)).toBe(type);
  });
});

describe("serving a stored file from the hub's origin", () => {
  it("counts HTML, SVG, XML, PDF and unknown types as active, images and text as passive", () => {
    for (const type of ["text/html; charset=utf-8", "image/svg+xml", "application/xml", "application/xhtml+xml", "application/pdf", "text/x-weird"]) {
      expect(isActiveContent(type), type).toBe(true);
    }
    for (const type of ["image/png", "IMAGE/JPEG", "text/plain; charset=utf-8", "application/json", "application/octet-stream"]) {
      expect(isActiveContent(type), type).toBe(false);
    }
  });

  it("sends an active type as a sandboxed attachment even when inline is asked", () => {
    expect(storedFileHeaders("image/svg+xml", "x.svg", { inline: true })).toEqual({
      "content-type": "image/svg+xml",
      "x-content-type-options": "nosniff",
      "content-disposition": 'attachment; filename="x.svg"',
      "content-security-policy": "sandbox",
    });
  });

  it("opens a passive type inline when asked, never sniffed, and cleans the file name", () => {
    expect(storedFileHeaders("image/png", 'a "b".png', { inline: true })).toEqual({
      "content-type": "image/png",
      "x-content-type-options": "nosniff",
      "content-disposition": 'inline; filename="a__b_.png"',
    });
    expect(storedFileHeaders("image/png", "a.png")["content-disposition"]).toBe('attachment; filename="a.png"');
  });
});
