import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, open, rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/http/errors";
import { tmpDir, type TempBlob } from "./blob-store";
import { hashFileBehindWriter } from "./hash-worker";

// Socket chunks are 64 KiB; writing them one by one makes every chunk wait for a thread-pool round
// trip, so they go out in batches of 1 MiB, one write in flight while the next batch arrives. The
// hash is computed on a worker that reads the file behind the writes (hash-worker.ts), and the file
// is flushed every 8 MiB while the upload still arrives, so the disk works beside the network and the
// final fsync is short (bench/publish).
const WRITE_BATCH = 1024 * 1024;
const FLUSH_EVERY = 8 * 1024 * 1024;

export type ReceiveOptions = {
  /** Also compute the CRC-32 (returned as `crc32`). */
  crc32?: boolean;
  /** The refusal past `maxBytes`, when not an archive's. */
  tooLarge?: () => AppError;
};

/** Streams `source` into a temp file and hashes it; stops with 413 past `maxBytes`. The file is fsynced. */
export async function receiveToTemp(source: Readable, maxBytes: number, options: ReceiveOptions = {}): Promise<TempBlob & { crc32?: number }> {
  await mkdir(tmpDir(), { recursive: true });
  const file = path.join(tmpDir(), `${randomUUID()}.part`);
  const handle = await open(file, "wx");
  const hash = hashFileBehindWriter(file, { crc32: options.crc32 });
  let size = 0;
  let batch: Buffer[] = [];
  let batched = 0;
  let written = 0;
  let unflushed = 0;
  let writing: Promise<unknown> | undefined;
  let flushing: Promise<void> | undefined;
  const writeBatch = async () => {
    await writing;
    const bytes = batched;
    writing = handle.writev(batch).then(() => {
      written += bytes;
      hash.advance(written);
    });
    writing.catch(() => {}); // awaited before the next write or at the end; never unhandled
    unflushed += bytes;
    batch = [];
    batched = 0;
    if (unflushed >= FLUSH_EVERY) {
      await writing;
      await flushing;
      flushing = handle.datasync();
      flushing.catch(() => {});
      unflushed = 0;
    }
  };
  try {
    // Not destroyed on an early exit: a refused upload is drained below, so the client still gets
    // its answer (a 413, say) instead of a reset connection.
    for await (const chunk of source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw options.tooLarge?.() ?? new AppError("archive_too_large", `The archive is larger than the limit of ${maxBytes} bytes.`);
      batch.push(chunk);
      batched += chunk.length;
      if (batched >= WRITE_BATCH) await writeBatch();
    }
    if (batched > 0) await writeBatch();
    await writing;
    await flushing;
    const [digest] = await Promise.all([options.crc32 ? hash.digestWithCrc(size) : hash.digest(size).then((sha256) => ({ sha256 })), handle.sync()]);
    await handle.close();
    return { path: file, size, ...digest };
  } catch (error) {
    await Promise.allSettled([writing, flushing]);
    hash.drop();
    await handle.close().catch(() => {});
    await rm(file, { force: true });
    source.resume();
    throw error;
  }
}
