import "server-only";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import tar from "tar-stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import type { ArchiveFormat } from "@/lib/registry/archive/detect-format";
import { checkEntryPath, decodeEntryName } from "@/lib/registry/archive/entry-path";
import type { ArchiveLimits } from "@/lib/registry/archive/limits";

export type UnpackPlan = {
  format: ArchiveFormat;
  /** Normalised paths to write (openArchive's `files`, already checked against every rule and limit). */
  files: Set<string>;
  /** A folder prefix to strip ("top/" when the plugin sits inside one top-level folder), or "". */
  strip: string;
  limits: ArchiveLimits;
};

/**
 * Writes an archive that openArchive has already checked into `target`, streaming each file (a large
 * model file is never held in memory) in one pass over the archive. Only the planned files under
 * `strip` are written; their names are normalised exactly as the checks normalised them, so nothing
 * unchecked can be written, and executable bits are kept (a plugin may ship a script).
 */
export async function unpackArchive(file: string, target: string, plan: UnpackPlan): Promise<number> {
  let written = 0;
  const write: Write = async (name, open, mode) => {
    const normalised = checkEntryPath(name, plan.limits);
    if (!plan.files.has(normalised) || !normalised.startsWith(plan.strip)) return false;
    const destination = path.join(target, normalised.slice(plan.strip.length));
    await mkdir(path.dirname(destination), { recursive: true });
    await pipeline(await open(), createWriteStream(destination, { mode: mode & 0o111 ? 0o755 : 0o644 }));
    written++;
    return true;
  };
  if (plan.format === "zip") await unpackZip(file, write);
  else await unpackTarGz(file, write);
  return written;
}

type Write = (name: string, open: () => Promise<NodeJS.ReadableStream>, mode: number) => Promise<boolean>;

async function unpackTarGz(file: string, write: Write): Promise<void> {
  const extract = tar.extract();
  const reading = pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), createGunzip(), extract as unknown as NodeJS.WritableStream);
  for await (const entry of extract) {
    const type = entry.header.type ?? "file";
    const wrote =
      type === "file" || type === "contiguous-file"
        ? await write(entry.header.name, async () => entry as unknown as NodeJS.ReadableStream, entry.header.mode ?? 0o644)
        : false;
    if (!wrote) entry.resume();
  }
  await reading;
}

async function unpackZip(file: string, write: Write): Promise<void> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: false }, (error, opened) =>
      error ? reject(error) : resolve(opened),
    ),
  );
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      const name = decodeEntryName(entry.fileName as unknown as Buffer, (entry.generalPurposeBitFlag & 0x800) !== 0);
      if (name.endsWith("/")) continue;
      const open = () =>
        new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))));
      await write(name, open, (entry.externalFileAttributes >>> 16) & 0o777);
    }
  } finally {
    zip.close();
  }
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
    zip.once("entry", (entry: Entry) => (cleanup(), resolve(entry)));
    zip.once("end", () => (cleanup(), resolve(null)));
    zip.once("error", (error: Error) => (cleanup(), reject(error)));
    zip.readEntry();
  });
}
