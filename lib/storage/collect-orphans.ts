import "server-only";
import { randomUUID } from "node:crypto";
import { link, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { every } from "@/lib/every";
import { referencedAmong } from "./blob-references";
import { blobPath, blobRoot, tmpDir } from "./blob-store";
import { mkdirDurable } from "./durable-dir";

const BATCH = 500;
const HASH = /^[0-9a-f]{64}$/;

/**
 * Deletes blobs that no row points at: those of publishes refused after their blob was committed
 * (a raced version, a permission lost meanwhile) and of a crash between blob and row. A publish
 * commits its blob before its row, so a blob younger than the grace period is never touched: its
 * row may be about to commit. That is a grace period rather than a lease because it needs no
 * bookkeeping on the publish path and survives the crash it must clean up after; commitTemp
 * renews a blob's mtime when it commits the same bytes again. Uploads in progress live in tmp/,
 * which this never reads.
 */
export async function collectOrphans(graceMs = env().BLOB_GC_GRACE_SECONDS * 1000): Promise<number> {
  let removed = 0;
  let batch: string[] = [];
  const flush = async () => {
    const referenced = await referencedAmong(batch);
    const orphans = batch.filter((hash) => !referenced.has(hash));
    batch = [];
    if (orphans.length) await mkdirDurable(tmpDir()); // where orphans are moved aside
    for (const hash of orphans) if (await removeIfStillOld(hash, graceMs)) removed++;
  };
  const list = (dir: string) => readdir(dir).catch(() => [] as string[]);
  for (const a of await list(blobRoot())) {
    for (const b of await list(path.join(blobRoot(), a))) {
      for (const name of await list(path.join(blobRoot(), a, b))) {
        if (!HASH.test(name) || !(await isOld(blobPath(name), graceMs))) continue;
        batch.push(name);
        if (batch.length >= BATCH) await flush();
      }
    }
  }
  if (batch.length) await flush();
  return removed;
}

/**
 * Moves the blob aside before deleting it, so that a publish committing the same bytes meanwhile
 * (which replaces the file, with a fresh mtime) is seen and put back instead of lost.
 */
async function removeIfStillOld(hash: string, graceMs: number): Promise<boolean> {
  const aside = path.join(tmpDir(), `orphan-${randomUUID()}`);
  try {
    await rename(blobPath(hash), aside);
  } catch {
    return false; // another instance collected it first
  }
  if (await isOld(aside, graceMs)) {
    await rm(aside, { force: true });
    return true;
  }
  // A publish replaced it just before: put its copy back, unless yet another publish already did.
  await link(aside, blobPath(hash)).catch(() => {});
  await rm(aside, { force: true });
  return false;
}

async function isOld(file: string, graceMs: number): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > graceMs;
}

/** Collects now (without delaying start-up) and then every BLOB_GC_INTERVAL_SECONDS, once per process. */
export function startOrphanCollector(): void {
  every("orphan-collector", env().BLOB_GC_INTERVAL_SECONDS * 1000, "collect orphan blobs", async () => {
    const removed = await collectOrphans();
    if (removed) console.log(`Removed ${removed} orphan blob(s) that no row points at.`);
  });
}
