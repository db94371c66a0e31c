import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream, type ReadStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { fsyncPath, mkdirDurable } from "./durable-dir";

/**
 * Content-addressed files under `<DATA_DIR>/blobs/sha256/ab/cd/<hash>`. A blob is written to a temp
 * file, fsynced and renamed into place before any database row may point at it, so a crash leaves at
 * worst an unreferenced temp file or blob, never a row without its bytes.
 */

export type TempBlob = { path: string; sha256: string; size: number };

const root = () => env().blobDir;
export const tmpDir = () => path.join(root(), "tmp");
export const blobRoot = () => path.join(root(), "sha256");

export function blobPath(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(blobRoot(), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * Moves a received temp file to its content address, durably. An existing copy (the same bytes) is
 * replaced rather than kept, so the blob's mtime is this publish's: the orphan collector's grace
 * period counts from it (collect-orphans.ts), and an old orphan about to gain a row is not collected.
 */
export async function commitTemp(temp: TempBlob): Promise<void> {
  const target = blobPath(temp.sha256);
  await mkdirDurable(path.dirname(target));
  const now = new Date();
  await utimes(temp.path, now, now); // the grace period counts from the commit, not from the upload's last byte
  await rename(temp.path, target);
  await fsyncPath(path.dirname(target));
}

export async function discardTemp(temp: Pick<TempBlob, "path">): Promise<void> {
  await rm(temp.path, { force: true });
}

export function openBlob(sha256: string, range?: { start: number; end: number }): ReadStream {
  return createReadStream(blobPath(sha256), range);
}

export async function blobSize(sha256: string): Promise<number | null> {
  try {
    return (await stat(blobPath(sha256))).size;
  } catch {
    return null;
  }
}

/** Removes temp files left by uploads that a crash interrupted. */
export async function sweepTemp(olderThanMs = 60 * 60 * 1000): Promise<number> {
  const names = await readdir(tmpDir()).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const file = path.join(tmpDir(), name);
    const info = await stat(file).catch(() => null);
    if (info && Date.now() - info.mtimeMs > olderThanMs) {
      await rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

/** Health probe: the store can create, sync and remove a file. */
export async function checkBlobStore(): Promise<void> {
  await mkdir(tmpDir(), { recursive: true });
  const probe = path.join(tmpDir(), `health-${randomUUID()}`);
  const handle = await open(probe, "wx");
  try {
    await handle.writeFile("ok");
    await handle.sync();
  } finally {
    await handle.close();
    await rm(probe, { force: true });
  }
}
