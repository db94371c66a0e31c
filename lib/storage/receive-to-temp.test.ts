import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "receive-test-"));
process.env.DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const { receiveToTemp } = await import("./receive-to-temp");

/** A stream of `bytes` in uneven chunks, as a socket delivers them. */
function chunked(bytes: Buffer): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = [1, 65_536, 100_003, 7, 1_048_577][i % 5];
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return Readable.from(chunks);
}

describe("receiveToTemp", () => {
  it("stores the bytes and their sha256, whatever the chunking, across many write batches and flushes", async () => {
    const bytes = randomBytes(20 * 1024 * 1024 + 12_345);
    const temp = await receiveToTemp(chunked(bytes), 1 << 30);
    expect(temp.size).toBe(bytes.length);
    expect(temp.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(readFileSync(temp.path).equals(bytes)).toBe(true);
  });

  it("hashes concurrent uploads independently", async () => {
    const inputs = [randomBytes(3 << 20), randomBytes(5 << 20), Buffer.alloc(0), randomBytes(10)];
    const temps = await Promise.all(inputs.map((bytes) => receiveToTemp(chunked(bytes), 1 << 30)));
    expect(temps.map((t) => t.sha256)).toEqual(inputs.map((bytes) => createHash("sha256").update(bytes).digest("hex")));
  });

  it("refuses past the limit with 413 and leaves no temp file", async () => {
    const before = readdirSync(path.join(dataDir, "blobs", "tmp")).length;
    await expect(receiveToTemp(chunked(randomBytes(3 << 20)), 2 << 20)).rejects.toMatchObject({ code: "archive_too_large" });
    expect(readdirSync(path.join(dataDir, "blobs", "tmp")).length).toBe(before);
  });
});
