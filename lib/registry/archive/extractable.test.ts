import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildTarGz, type RawTarEntry } from "@/tests/helpers/tar-builder";
import { buildZip, type RawZipEntry } from "@/tests/helpers/zip-builder";
import type { ArchiveLimits } from "./limits";
import { openArchive } from "./open-archive";

// Archives whose entries an ordinary Linux filesystem cannot hold are refused at publish, each with
// its own code, in both formats: runs unpack them later, where they would fail half-way.
const dir = mkdtempSync(path.join(os.tmpdir(), "extractable-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LIMITS: ArchiveLimits = { maxBytes: 1 << 30, maxUncompressedBytes: 64 << 20, maxEntries: 50, maxRatio: 100, maxDepth: 64 };
let counter = 0;

async function outcome(bytes: Buffer): Promise<string> {
  const file = path.join(dir, `a${counter++}`);
  writeFileSync(file, bytes);
  try {
    const archive = await openArchive(file, bytes.length, LIMITS);
    await archive.close();
    return "accepted";
  } catch (error) {
    return (error as { code: string }).code;
  }
}

const config = { name: "plugin/config.yaml", data: "name: x\n" };
const zip = (...entries: RawZipEntry[]) => outcome(buildZip([config, ...entries]));
const tarGz = async (...entries: RawTarEntry[]) => outcome(await buildTarGz([config, ...entries]));
const both = async (name: string) => [await zip({ name, data: "x" }), await tarGz({ name, data: "x" })];

// 20 folders of 250 bytes: every name is legal, the path (5,000+ bytes) is not.
const deepPath = `plugin/${Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(250, "d")).join("/")}/f.py`;

describe("entries that Linux cannot unpack", () => {
  it("a name over 255 bytes, counted in UTF-8 bytes rather than characters", async () => {
    expect(await both(`plugin/${"n".repeat(256)}.py`)).toEqual(["archive_name_too_long", "archive_name_too_long"]);
    expect(await both(`plugin/${"é".repeat(128)}`)).toEqual(["archive_name_too_long", "archive_name_too_long"]); // 256 bytes, 128 characters
    expect(await both(`plugin/${"d".repeat(300)}/f.py`)).toEqual(["archive_name_too_long", "archive_name_too_long"]); // a folder name
  });

  it("a path over 4,095 bytes (PATH_MAX with its terminating NUL)", async () => {
    expect(await both(deepPath)).toEqual(["archive_path_too_long", "archive_path_too_long"]);
  });

  it("a path used both as a file and as a folder, in either order", async () => {
    expect(await zip({ name: "plugin/a", data: "1" }, { name: "plugin/a/b.py", data: "2" })).toBe("archive_duplicate_entry");
    expect(await zip({ name: "plugin/a/b.py", data: "2" }, { name: "plugin/a", data: "1" })).toBe("archive_duplicate_entry");
    expect(await tarGz({ name: "plugin/a", data: "1" }, { name: "plugin/a/b.py", data: "2" })).toBe("archive_duplicate_entry");
    expect(await tarGz({ name: "plugin/a/", type: "directory" }, { name: "plugin/a", data: "1" })).toBe("archive_duplicate_entry");
  });

  it("a .. component, however it is spelled", async () => {
    expect(await both("plugin/./../../x.py")).toEqual(["archive_path_traversal", "archive_path_traversal"]);
    expect(await both("plugin//..//x.py")).toEqual(["archive_path_traversal", "archive_path_traversal"]);
  });
});

describe("entries at the limits are accepted", () => {
  it("a 255-byte name, empty and . components (normalised away), and a path of 4,095 bytes", async () => {
    expect(await both(`plugin/${"n".repeat(252)}.py`)).toEqual(["accepted", "accepted"]);
    expect(await both("plugin//./src/./a.py")).toEqual(["accepted", "accepted"]);
    const segments = Array.from({ length: 15 }, (_, i) => `${i}`.padEnd(255, "d"));
    const exact = `plugin/${segments.join("/")}`;
    const padded = `${exact}/${"f".repeat(4095 - Buffer.byteLength(exact) - 1)}`;
    expect(Buffer.byteLength(padded)).toBe(4095);
    expect(await both(padded)).toEqual(["accepted", "accepted"]);
  });
});
