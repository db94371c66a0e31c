import "server-only";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/http/errors";
import { env } from "@/lib/env";
import { limitsFromEnv } from "@/lib/registry/archive/limits";
import { openZip } from "@/lib/registry/archive/zip";
import { ZIP_FILES, type LineType } from "./format";
import { readLines } from "./lines";

/** One line of an import, not yet parsed: which file, which line, what kind of record. */
export type RawRecord = { file: string; line: number; type: LineType | null; text: string | null };

/**
 * What the importer reads, whatever the upload was: the records in order (the project first) and, for
 * a zip, its files by path. Nothing is read before it is asked for, and every file is streamed.
 */
export type ImportSource = {
  records(): AsyncGenerator<RawRecord>;
  hasFile(path: string): boolean;
  openFile(path: string): Promise<Readable>;
  close(): Promise<void>;
};

const PROJECT_JSON = "project.json";
const MAX_PROJECT_JSON = 1024 * 1024;

/** A zip or a `.jsonl`, told apart by the first bytes (a zip starts with `PK`). */
export async function openImportSource(file: string, size: number): Promise<ImportSource> {
  if (size === 0) throw new AppError("import_invalid", "The upload is empty.");
  const handle = await open(file, "r");
  const head = Buffer.alloc(2);
  await handle.read(head, 0, 2, 0).finally(() => handle.close());
  return head.toString("latin1") === "PK" ? openZipSource(file, size) : jsonlSource(file);
}

async function openZipSource(file: string, size: number): Promise<ImportSource> {
  const zip = await openZip(file, size, limitsFromEnv(env()));
  // The project may sit inside one top-level folder, as a zipped folder does.
  const root = zip.files.includes(PROJECT_JSON) ? "" : (zip.files.find((f) => /^[^/]+\/project\.json$/.test(f))?.slice(0, -PROJECT_JSON.length) ?? null);
  if (root === null) {
    await zip.close();
    throw new AppError("import_invalid", "The zip has no project.json at its root (or inside its one top-level folder).", [
      { file: PROJECT_JSON, path: "(file)", message: "is missing" },
    ]);
  }
  const present = new Set(zip.files);
  const stream = async (path: string) => {
    const opened = await zip.open!(root + path);
    if (!opened) throw new AppError("import_invalid", `The zip has no ${path}.`);
    return opened;
  };
  return {
    async *records() {
      const header = await zip.read(root + PROJECT_JSON, MAX_PROJECT_JSON);
      yield { file: PROJECT_JSON, line: 1, type: "project", text: header ? header.toString("utf8") : null };
      const kinds: [string, LineType][] = [
        [ZIP_FILES.tasks, "task"],
        [ZIP_FILES.assignments, "assignment"],
        [ZIP_FILES.groundTruth, "ground_truth"],
      ];
      for (const [name, type] of kinds) {
        if (!present.has(root + name)) continue;
        for await (const line of readLines(await stream(name))) {
          yield { file: name, line: line.line, type, text: "text" in line ? line.text : null };
        }
      }
    },
    hasFile: (path) => present.has(root + path),
    openFile: stream,
    close: () => zip.close(),
  };
}

/** A single `.jsonl`: each line says its `type`; files come inline as `data:` URIs. */
function jsonlSource(file: string): ImportSource {
  const name = "(upload).jsonl";
  return {
    async *records() {
      for await (const line of readLines(createReadStream(file))) {
        yield { file: name, line: line.line, type: null, text: "text" in line ? line.text : null };
      }
    },
    hasFile: () => false,
    openFile: () => Promise.reject(new AppError("import_invalid", "A .jsonl import has no files; inline them as data: URIs.")),
    close: async () => {},
  };
}
