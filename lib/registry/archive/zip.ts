import { type Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { archiveError, quote } from "./archive-error";
import { decodeEntryName } from "./entry-path";
import { EntryTracker } from "./entry-tracker";
import { exceedsRatio, type ArchiveLimits } from "./limits";
import type { ArchiveReader } from "./reader";

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/**
 * Opens a zip and checks every entry from the central directory, then inflates every compressed
 * entry once to prove its declared size (yauzl fails a stream that disagrees with its header), so a
 * bomb that lies about sizes is caught here rather than wherever the archive is unpacked later.
 */
export async function openZip(file: string, compressedSize: number, limits: ArchiveLimits): Promise<ArchiveReader> {
  const zip = await openYauzl(file);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw archiveError("too_many_entries", `The archive has ${zip.entryCount} entries; the limit is ${limits.maxEntries}.`);
    }
    const tracker = new EntryTracker(limits);
    const byPath = new Map<string, Entry>();
    let compressedTotal = 0;
    let uncompressedTotal = 0;
    for await (const entry of entries(zip)) {
      const name = decodeEntryName(entry.fileName as unknown as Buffer, (entry.generalPurposeBitFlag & 0x800) !== 0);
      if (entry.generalPurposeBitFlag & 0x1) throw archiveError("encrypted_entry", `Entry ${quote(name)} is encrypted.`);
      const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
      if (mode === S_IFLNK) throw archiveError("symlink", `Entry ${quote(name)} is a symbolic link.`);
      if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) throw archiveError("special_file", `Entry ${quote(name)} is not a regular file.`);
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw archiveError(
          "unsupported_compression",
          `Entry ${quote(name)} uses compression method ${entry.compressionMethod}; only stored and deflate are supported.`,
        );
      }
      const isDir = name.endsWith("/") || mode === S_IFDIR;
      if (exceedsRatio(entry.uncompressedSize, entry.compressedSize, limits)) {
        throw archiveError("ratio_exceeded", `Entry ${quote(name)} expands more than ${limits.maxRatio} times.`);
      }
      const normalised = tracker.add(name, isDir ? "dir" : "file", entry.uncompressedSize);
      compressedTotal += entry.compressedSize;
      uncompressedTotal += entry.uncompressedSize;
      if (normalised && !isDir) byPath.set(normalised, entry);
    }
    // Entries whose data overlap (the "overlapping files" bomb) add up to more than the file holds.
    if (compressedTotal > compressedSize) throw archiveError("corrupt", "The archive's entries overlap or run past its end.");
    if (exceedsRatio(uncompressedTotal, compressedSize, limits)) {
      throw archiveError("ratio_exceeded", `The archive expands more than ${limits.maxRatio} times.`);
    }
    const files = tracker.finish();
    for (const entry of byPath.values()) {
      if (entry.compressionMethod !== 0) await drain(zip, entry);
    }
    return {
      files,
      async read(path, maxBytes) {
        const entry = byPath.get(path);
        if (!entry) return null;
        if (entry.uncompressedSize > maxBytes) return null;
        return collect(zip, entry);
      },
      async open(path) {
        const entry = byPath.get(path);
        return entry ? ((await openStream(zip, entry)) as Readable) : null;
      },
      async close() {
        zip.close();
      },
    };
  } catch (error) {
    zip.close();
    throw asArchiveError(error);
  }
}

function openYauzl(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error ? reject(asArchiveError(error)) : resolve(zip),
    );
  });
}

async function* entries(zip: ZipFile): AsyncGenerator<Entry> {
  while (true) {
    const next = await new Promise<Entry | null>((resolve, reject) => {
      const cleanup = () => zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
      zip.once("entry", (entry: Entry) => (cleanup(), resolve(entry)));
      zip.once("end", () => (cleanup(), resolve(null)));
      zip.once("error", (error: Error) => (cleanup(), reject(error)));
      zip.readEntry();
    });
    if (!next) return;
    yield next;
  }
}

function openStream(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(asArchiveError(error)) : resolve(stream))));
}

async function drain(zip: ZipFile, entry: Entry): Promise<void> {
  await pipeline(await openStream(zip, entry), new Writable({ write: (_chunk, _enc, done) => done() })).catch((error) => {
    throw asArchiveError(error);
  });
}

async function collect(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await openStream(zip, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function asArchiveError(error: unknown): Error {
  if (error instanceof Error && error.name === "AppError") return error;
  return archiveError("corrupt", `The zip archive is damaged: ${(error as Error).message}.`);
}
