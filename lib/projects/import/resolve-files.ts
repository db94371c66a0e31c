import "server-only";
import { Readable } from "node:stream";
import { commitTemp } from "@/lib/storage/blob-store";
import { receiveToTemp } from "@/lib/storage/receive-to-temp";
import { contentTypeOf } from "@/lib/storage/content-type";
import type { FileRef } from "./format";
import type { ImportErrors } from "./import-errors";
import type { ImportSource } from "./sources";

export type StoredFile = { slot: string; fileName: string; contentType: string; sha256: string; size: number; isPrimary: boolean };
type Checked = { slot: string; fileName: string; primary: boolean } & ({ path: string } | { bytes: Buffer; contentType: string });

const DATA_URI = /^data:([\w.+-]+\/[\w.+-]+)?(;[\w-]+=[^;,]*)*(;base64)?,(.*)$/s;
// Files of one import go once into the blob store, however many tasks name them.
const MAX_FILE_BYTES = Number.MAX_SAFE_INTEGER;

/** Checks a task's file references (a path the zip has, or a well-formed data: URI); errors go to `errors`. */
export function checkFiles(files: Record<string, FileRef>, source: ImportSource, errors: ImportErrors, file: string, line: number): Checked[] {
  const checked: Checked[] = [];
  const slots = Object.entries(files);
  for (const [slot, ref] of slots) {
    const spec = typeof ref === "string" ? { path: ref } : ref;
    const primary = spec.primary ?? slots.length === 1;
    if (spec.path !== undefined) {
      const path = spec.path.replace(/^\.\//, "");
      if (!source.hasFile(path)) {
        errors.add(file, line, `files.${slot}`, `no file ${JSON.stringify(path)} in the archive`);
        continue;
      }
      checked.push({ slot, path, fileName: spec.name ?? path.slice(path.lastIndexOf("/") + 1), primary });
    } else {
      const match = DATA_URI.exec(spec.data!);
      if (!match) {
        errors.add(file, line, `files.${slot}.data`, "is not a data: URI");
        continue;
      }
      const bytes = match[3] ? Buffer.from(match[4], "base64") : Buffer.from(decodeURIComponent(match[4]), "utf8");
      const fileName = spec.name ?? `${slot}`;
      checked.push({ slot, bytes, fileName, contentType: match[1] ?? contentTypeOf(fileName), primary });
    }
  }
  return checked;
}

/** Streams each file into the blob store (committed before any row names it); a path read once per import. */
export async function storeFiles(checked: Checked[], source: ImportSource, cache: Map<string, { sha256: string; size: number }>): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  for (const file of checked) {
    let blob = "path" in file ? cache.get(file.path) : undefined;
    if (!blob) {
      const temp = await receiveToTemp("path" in file ? await source.openFile(file.path) : Readable.from([file.bytes]), MAX_FILE_BYTES);
      await commitTemp(temp);
      blob = { sha256: temp.sha256, size: temp.size };
      if ("path" in file) cache.set(file.path, blob);
    }
    const contentType = "path" in file ? contentTypeOf(file.fileName) : file.contentType;
    stored.push({ slot: file.slot, fileName: file.fileName, contentType, sha256: blob.sha256, size: blob.size, isPrimary: file.primary });
  }
  return stored;
}
