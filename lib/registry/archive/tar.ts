import { createReadStream } from "node:fs";
import { Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import tar from "tar-stream";
import { archiveError, quote } from "./archive-error";
import { EntryTracker } from "./entry-tracker";
import { exceedsRatio, type ArchiveLimits } from "./limits";
import { isLikelyNeeded, type ArchiveReader } from "./reader";

const KEEP_LIMIT = 2 * 1024 * 1024;

/**
 * Reads a .tar.gz in one streaming pass. Limits are enforced on the bytes actually inflated, so a
 * gzip bomb is stopped as soon as it crosses a limit, whatever its headers claim.
 */
export async function openTarGz(file: string, compressedSize: number, limits: ArchiveLimits): Promise<ArchiveReader> {
  const tracker = new EntryTracker(limits);
  const kept = new Map<string, Buffer>();
  const sizes = new Map<string, number>();
  await scan(file, compressedSize, limits, async (header, body) => {
    const type = header.type ?? "file";
    if (type === "symlink") throw archiveError("symlink", `Entry ${quote(header.name)} is a symbolic link.`);
    if (type === "link") throw archiveError("hardlink", `Entry ${quote(header.name)} is a hard link.`);
    if (type !== "file" && type !== "contiguous-file" && type !== "directory") {
      throw archiveError("special_file", `Entry ${quote(header.name)} is a ${type}, not a regular file.`);
    }
    const size = header.size ?? 0;
    const path = tracker.add(header.name, type === "directory" ? "dir" : "file", size);
    if (path && type !== "directory") {
      sizes.set(path, size);
      if (size <= KEEP_LIMIT && isLikelyNeeded(path)) kept.set(path, await readAll(body));
    }
  });
  const files = tracker.finish();
  return {
    files,
    async read(path, maxBytes) {
      const size = sizes.get(path);
      if (size === undefined || size > maxBytes) return null;
      const cached = kept.get(path);
      if (cached) return cached;
      let found: Buffer | null = null;
      await scan(file, compressedSize, limits, async (header, body) => {
        if (found === null && header.name.replace(/^(\.\/)+/, "").replace(/\/+$/, "") === path) found = await readAll(body);
      });
      return found;
    },
    async close() {},
  };
}

type Body = AsyncIterable<Buffer>;
type Visit = (header: tar.Header, body: Body) => Promise<void>;

async function scan(file: string, compressedSize: number, limits: ArchiveLimits, visit: Visit): Promise<void> {
  let inflated = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      inflated += chunk.length;
      if (inflated > limits.maxUncompressedBytes) {
        return done(archiveError("uncompressed_too_large", `The archive unpacks to more than ${limits.maxUncompressedBytes} bytes.`));
      }
      if (exceedsRatio(inflated, compressedSize, limits)) {
        return done(archiveError("ratio_exceeded", `The archive expands more than ${limits.maxRatio} times.`));
      }
      done(null, chunk);
    },
  });
  const source = createReadStream(file, { highWaterMark: 1 << 20 });
  const gunzip = createGunzip();
  const extract = tar.extract();
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
    extract.destroy();
  };
  for (const stream of [source, gunzip, meter]) stream.on("error", fail);
  source
    .pipe(gunzip)
    .pipe(meter)
    .pipe(extract as unknown as NodeJS.WritableStream);
  try {
    for await (const entry of extract) {
      await visit(entry.header, entry as unknown as Body);
      entry.resume();
    }
  } catch (error) {
    failure ??= error;
  } finally {
    for (const stream of [source, gunzip, meter]) stream.destroy();
  }
  if (failure === undefined) return;
  if (failure instanceof Error && failure.name === "AppError") throw failure;
  throw archiveError("corrupt", `The .tar.gz archive is damaged: ${(failure as Error).message}.`);
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
