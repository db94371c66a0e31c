import { crc32, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { assignmentSchema, groundTruthSchema, projectSchema, taskSchema } from "../import/format";
import { EXAMPLE_TASKS, exampleProjectEntries } from "./example-project";
import { shapeImage } from "./shapes";

/** Reads a PNG back chunk by chunk, checking every CRC: width, height and the unfiltered RGB rows. */
function decode(png: Buffer) {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  const chunks: Record<string, Buffer> = {};
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString("latin1");
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)) >>> 0);
    chunks[type] = data;
    at += 12 + length;
  }
  const width = chunks.IHDR.readUInt32BE(0);
  const height = chunks.IHDR.readUInt32BE(4);
  const raw = inflateSync(chunks.IDAT);
  expect(raw.length).toBe((width * 3 + 1) * height);
  expect(chunks.IEND).toBeDefined();
  const pixel = (x: number, y: number) => [...raw.subarray(y * (width * 3 + 1) + 1 + x * 3, y * (width * 3 + 1) + 4 + x * 3)];
  return { width, height, pixel };
}

describe("example project images", () => {
  it("are valid PNGs with each shape drawn inside its box, and the same every time", () => {
    for (const index of [0, 7, 35]) {
      const image = shapeImage(index);
      const { width, height, pixel } = decode(image.png);
      expect([width, height]).toEqual([96, 72]);
      expect(image.boxes.length).toBeGreaterThan(0);
      const background = pixel(0, 0);
      for (const box of image.boxes) {
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        expect(box.y + box.height).toBeLessThanOrEqual(height);
        // Every shape covers its box's centre, in a colour that is not the background.
        expect(pixel(box.x + Math.floor(box.width / 2), box.y + Math.floor(box.height / 2))).not.toEqual(background);
      }
      expect(shapeImage(index).png.equals(image.png)).toBe(true);
    }
  });
});

describe("example project archive", () => {
  it("follows the import format: every line parses and every task's file is in the archive", () => {
    const entries = new Map(exampleProjectEntries().map((e) => [e.name, e.data]));
    const lines = (name: string) =>
      entries
        .get(name)!
        .toString("utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as unknown);
    expect(projectSchema.parse(JSON.parse(entries.get("project.json")!.toString("utf8"))).ground_truth_versions.map((v) => v.name)).toEqual(["v1", "v2"]);
    const tasks = lines("tasks.jsonl").map((t) => taskSchema.parse(t));
    expect(tasks).toHaveLength(EXAMPLE_TASKS);
    for (const task of tasks) expect(entries.has(task.files.image as string)).toBe(true);
    const keys = new Set(tasks.map((t) => t.key));
    const assignments = lines("assignments.jsonl").map((a) => assignmentSchema.parse(a));
    expect(new Set(assignments.map((a) => a.status))).toEqual(new Set(["approved", "submitted", "rejected", "in_progress", "pending"]));
    const truth = lines("ground_truth.jsonl").map((g) => groundTruthSchema.parse(g));
    for (const line of [...assignments, ...truth]) expect(keys.has(line.task)).toBe(true);
    expect(truth.filter((g) => g.version === "v1")).toHaveLength(24);
    expect(truth.filter((g) => g.version === "v2")).toHaveLength(32);
  });
});
