import { execFileSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { layoutZip, sliceLayout, type ZipLayout } from "./zip-layout";

const dir = mkdtempSync(path.join(os.tmpdir(), "zip-layout-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = new Date("2026-12-03T08:15:30Z");
const files: Record<string, Buffer> = {
  "result.json": Buffer.from(JSON.stringify({ items: [1, 2, 3] })),
  "images/한글 cat.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
  "empty.txt": Buffer.alloc(0),
  "data/part-0001.jsonl": Buffer.from('{"a":1}\n{"a":2}\n'),
};
const entries = Object.entries(files).map(([p, bytes]) => ({ path: p, size: bytes.length, crc32: crc32(bytes), modified: at, source: bytes }));

function materialize(layout: ZipLayout<Buffer>, start = 0, end = layout.size - 1): Buffer {
  const parts = [...sliceLayout(layout, start, end)].map(({ segment, from, length }) =>
    (segment.kind === "bytes" ? segment.bytes : segment.source).subarray(from, from + length),
  );
  return Buffer.concat(parts);
}

/** What Python's zipfile (a strict reader) finds in the zip: names, sizes, and the files' contents checked against their CRCs. */
function pythonRead(file: string, read: string[]): { names: string[]; sizes: number[]; contents: Record<string, string> } {
  const script = `import zipfile, sys, json, base64
z = zipfile.ZipFile(sys.argv[1])
infos = z.infolist()
print(json.dumps({"names": [i.filename for i in infos], "sizes": [i.file_size for i in infos],
  "contents": {n: base64.b64encode(z.read(n)).decode() for n in json.loads(sys.argv[2])}}))`;
  return JSON.parse(execFileSync("python3", ["-c", script, file, JSON.stringify(read)], { encoding: "utf8" }));
}

describe("layoutZip", () => {
  it("lays out a zip that unzip and Python read back, with the files' bytes and UTF-8 names", () => {
    const layout = layoutZip(entries);
    const zip = materialize(layout);
    expect(zip.length).toBe(layout.size);
    const file = path.join(dir, "small.zip");
    writeFileSync(file, zip);
    execFileSync("unzip", ["-tq", file]); // throws unless every CRC matches
    const read = pythonRead(file, Object.keys(files));
    expect(read.names).toEqual(Object.keys(files));
    for (const [name, bytes] of Object.entries(files)) expect(Buffer.from(read.contents[name], "base64").equals(bytes)).toBe(true);
  });

  it("gives the same bytes for the same files, and any byte range alone equals that slice of the whole", () => {
    const whole = materialize(layoutZip(entries));
    expect(materialize(layoutZip(entries)).equals(whole)).toBe(true);
    const layout = layoutZip(entries);
    for (const [start, end] of [
      [0, 0],
      [0, 29],
      [5, 77],
      [31, whole.length - 1],
      [whole.length - 22, whole.length - 1],
      [whole.length - 1, whole.length - 1],
    ]) {
      expect(materialize(layout, start, end).equals(whole.subarray(start, end + 1))).toBe(true);
    }
  });

  it("writes zip64 records for an entry over 4 GiB, and the entry after it is found at its 64-bit offset", () => {
    const big = 4 * 1024 ** 3 + 10;
    const after = Buffer.from("after the big one\n");
    // The big entry's data is never read here: its bytes are a hole in a sparse file.
    const layout = layoutZip<Buffer | null>([
      { path: "big.bin", size: big, crc32: 0, modified: at, source: null },
      { path: "after.txt", size: after.length, crc32: crc32(after), modified: at, source: after },
    ]);
    const file = path.join(dir, "big.zip");
    const fd = openSync(file, "w");
    try {
      ftruncateSync(fd, layout.size);
      for (const segment of layout.segments) {
        const bytes = segment.kind === "bytes" ? segment.bytes : segment.source;
        if (bytes) writeSync(fd, bytes, 0, bytes.length, segment.offset);
      }
    } finally {
      closeSync(fd);
    }
    const read = pythonRead(file, ["after.txt"]);
    expect(read.names).toEqual(["big.bin", "after.txt"]);
    expect(read.sizes).toEqual([big, after.length]);
    expect(Buffer.from(read.contents["after.txt"], "base64").toString()).toBe("after the big one\n");
  });

  it("writes a zip64 end record past 65,534 entries", () => {
    const many = Array.from({ length: 70_000 }, (_, i) => ({
      path: `f/${i}`,
      size: 1,
      crc32: crc32(Buffer.from("x")),
      modified: at,
      source: Buffer.from("x"),
    }));
    const file = path.join(dir, "many.zip");
    writeFileSync(file, materialize(layoutZip(many)));
    const read = pythonRead(file, ["f/69999"]);
    expect(read.names.length).toBe(70_000);
    expect(Buffer.from(read.contents["f/69999"], "base64").toString()).toBe("x");
  });
});
