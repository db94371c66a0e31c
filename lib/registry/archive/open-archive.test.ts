import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildTar, buildTarGz } from "@/tests/helpers/tar-builder";
import { buildZip, type RawZipEntry } from "@/tests/helpers/zip-builder";
import type { ArchiveLimits } from "./limits";
import { openArchive } from "./open-archive";

const dir = mkdtempSync(path.join(os.tmpdir(), "archive-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LIMITS: ArchiveLimits = { maxBytes: 1 << 30, maxUncompressedBytes: 64 << 20, maxEntries: 50, maxRatio: 100, maxDepth: 6 };
const config = { name: "config.yaml", data: "name: x\n" };
let counter = 0;

async function open(bytes: Buffer, limits: Partial<ArchiveLimits> = {}) {
  const file = path.join(dir, `a${counter++}`);
  writeFileSync(file, bytes);
  const archive = await openArchive(file, bytes.length, { ...LIMITS, ...limits });
  await archive.close();
  return archive;
}

async function rejection(bytes: Buffer | Promise<Buffer>, limits: Partial<ArchiveLimits> = {}): Promise<string> {
  try {
    await open(await bytes, limits);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return "accepted";
}

const zip = (...entries: RawZipEntry[]) => buildZip([config, ...entries]);

describe("openArchive accepts", () => {
  it("a zip with files at the root or in folders", async () => {
    const archive = await open(zip({ name: "plugin/", mode: 0o040755 }, { name: "plugin/main.py", data: "print(1)", deflate: true }));
    expect(archive.format).toBe("zip");
    expect(archive.files).toEqual(["config.yaml", "plugin/main.py"]);
  });

  it("a tar.gz, normalising ./ prefixes and reading file contents", async () => {
    const bytes = await buildTarGz([
      { name: "./", type: "directory" },
      { name: "./config.yaml", data: "name: x\n" },
      { name: "./src/a.py", data: "a" },
    ]);
    const file = path.join(dir, "ok.tar.gz");
    writeFileSync(file, bytes);
    const archive = await openArchive(file, bytes.length, LIMITS);
    expect(archive.format).toBe("tar.gz");
    expect(archive.files).toEqual(["config.yaml", "src/a.py"]);
    expect((await archive.read("config.yaml", 1000))?.toString()).toBe("name: x\n");
    expect((await archive.read("src/a.py", 1000))?.toString()).toBe("a");
  });
});

describe("openArchive rejects, each with its own code", () => {
  it.each([
    ["an absolute path", "/etc/passwd", "archive_absolute_path"],
    ["a .. segment", "plugin/../../evil.py", "archive_path_traversal"],
    ["a backslash", "plugin\\evil.py", "archive_backslash_path"],
    ["a drive letter", "C:/evil.py", "archive_drive_letter"],
    ["a control character", "evil\u0007.py", "archive_control_character"],
    ["a NUL byte", "evil\u0000.py", "archive_control_character"],
    ["a path deeper than the limit", "a/b/c/d/e/f/g.py", "archive_path_too_deep"],
  ])("zip entry with %s", async (_what, name, code) => {
    expect(await rejection(zip({ name, data: "x" }))).toBe(code);
  });

  it.each([
    ["an absolute path", "/etc/passwd", "archive_absolute_path"],
    ["a .. segment", "../evil.py", "archive_path_traversal"],
    ["a backslash", "a\\b.py", "archive_backslash_path"],
    ["a drive letter", "D:evil.py", "archive_drive_letter"],
    ["a control character", "evil\n.py", "archive_control_character"],
  ])("tar entry with %s", async (_what, name, code) => {
    expect(
      await rejection(
        buildTarGz([
          { name: "config.yaml", data: "x" },
          { name, data: "x" },
        ]),
      ),
    ).toBe(code);
  });

  it("symlinks in a zip", async () => {
    expect(await rejection(zip({ name: "link", data: "/etc/passwd", mode: 0o120777 }))).toBe("archive_symlink");
  });

  it("symlinks and hard links in a tar", async () => {
    expect(
      await rejection(
        buildTarGz([
          { name: "config.yaml", data: "x" },
          { name: "link", type: "symlink", linkname: "/etc/passwd" },
        ]),
      ),
    ).toBe("archive_symlink");
    expect(
      await rejection(
        buildTarGz([
          { name: "config.yaml", data: "x" },
          { name: "hard", type: "link", linkname: "config.yaml" },
        ]),
      ),
    ).toBe("archive_hardlink");
  });

  it("device files in a tar", async () => {
    expect(
      await rejection(
        buildTarGz([
          { name: "config.yaml", data: "x" },
          { name: "dev", type: "character-device" },
        ]),
      ),
    ).toBe("archive_special_file");
  });

  it("duplicate entries", async () => {
    expect(await rejection(zip({ name: "a.py", data: "1" }, { name: "a.py", data: "2" }))).toBe("archive_duplicate_entry");
    expect(await rejection(zip({ name: "./a.py", data: "1" }, { name: "a.py", data: "2" }))).toBe("archive_duplicate_entry");
    expect(
      await rejection(
        buildTarGz([
          { name: "config.yaml", data: "x" },
          { name: "config.yaml", data: "y" },
        ]),
      ),
    ).toBe("archive_duplicate_entry");
    expect(await rejection(zip({ name: "a", data: "1" }, { name: "a/b.py", data: "2" }))).toBe("archive_duplicate_entry");
  });

  it("encrypted zip entries", async () => {
    expect(await rejection(zip({ name: "secret.py", data: "x", deflate: true, flags: 0x1 }))).toBe("archive_encrypted_entry");
  });

  it("more entries than the limit", async () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ name: `f${i}.py`, data: "x" }));
    expect(await rejection(zip(...many), { maxEntries: 5 })).toBe("archive_too_many_entries");
    expect(await rejection(buildTarGz([{ name: "config.yaml", data: "x" }, ...many]), { maxEntries: 5 })).toBe("archive_too_many_entries");
  });

  it("more unpacked bytes than the limit", async () => {
    const big = Buffer.alloc(300_000, 1);
    expect(await rejection(zip({ name: "big.bin", data: big }), { maxUncompressedBytes: 100_000 })).toBe("archive_uncompressed_too_large");
    expect(
      await rejection(
        buildTarGz([
          { name: "config.yaml", data: "x" },
          { name: "big.bin", data: big },
        ]),
        { maxUncompressedBytes: 100_000 },
      ),
    ).toBe("archive_uncompressed_too_large");
  });

  it("bombs whose compression ratio exceeds the limit", async () => {
    const zeros = Buffer.alloc(20 << 20);
    expect(await rejection(zip({ name: "zeros.bin", data: zeros, deflate: true }))).toBe("archive_ratio_exceeded");
    expect(
      await rejection(
        buildTarGz([
          { name: "config.yaml", data: "x" },
          { name: "zeros.bin", data: zeros },
        ]),
      ),
    ).toBe("archive_ratio_exceeded");
  });

  it("zip entries that lie about their size", async () => {
    expect(await rejection(zip({ name: "liar.bin", data: Buffer.alloc(50_000, 7), deflate: true, declaredSize: 10 }))).toBe("archive_corrupt");
  });

  it("files that are both zip and tar", async () => {
    const tarGz = await buildTarGz([{ name: "config.yaml", data: "x" }]);
    expect(await rejection(Buffer.concat([tarGz, zip()]))).toBe("archive_ambiguous_format");
    // A tar whose first entry name starts with the zip signature reads as both.
    const tarFirst = await buildTar([{ name: "PK\u0003\u0004trick", data: "x" }]);
    expect(await rejection(Buffer.concat([tarFirst, zip()]))).toBe("archive_ambiguous_format");
  });

  it("formats other than zip and tar.gz", async () => {
    expect(await rejection(await buildTar([{ name: "config.yaml", data: "x" }]))).toBe("archive_unsupported_format");
    expect(await rejection(Buffer.from("just some text, not an archive"))).toBe("archive_unsupported_format");
  });

  it("damaged archives", async () => {
    const good = zip({ name: "a.py", data: "x" });
    expect(await rejection(good.subarray(0, good.length - 30))).toBe("archive_corrupt");
    const tgz = await buildTarGz([{ name: "config.yaml", data: "x".repeat(5000) }]);
    expect(await rejection(tgz.subarray(0, 40))).toBe("archive_corrupt");
  });

  it("archives without files", async () => {
    expect(await rejection(buildZip([{ name: "only-a-folder/", mode: 0o040755 }]))).toBe("archive_empty");
  });
});
