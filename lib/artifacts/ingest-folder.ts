import "server-only";
import { constants } from "node:fs";
import { lstat, open, readdir, realpath } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { appendEvents } from "@/lib/runs/event-store";
import { commitTemp } from "@/lib/storage/blob-store";
import { receiveToTemp } from "@/lib/storage/receive-to-temp";
import { contentTypeOf } from "@/lib/storage/content-type";
import { checkArtifactPath } from "./artifact-path";
import { markFailed } from "./receive-artifact";
import { artifactEvent, toArtifactDto } from "./serialize";

const CONCURRENCY = 4;
// Never follows a symlink as the last component; never blocks on a FIFO (it is then refused by fstat).
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** `skipped`: names that cannot be artifact paths (not listed: a sanitised name could clash with a real file's). */
export type IngestSummary = { uploaded: number; failed: number; bytes: number; skipped: string[] };

type Entry = { relative: string; unreadable?: string };

/**
 * Takes every file under `folder` (a run's output folder on the hub's own disk) in as the run's
 * artifacts, its path relative to the folder: each streamed into the blob store (never whole in
 * memory), hashed, committed before its row says `uploaded`, as an upload over HTTP would be. A file
 * that cannot be read, is too large, or is not a plain file (a symlink is never followed: the plugin
 * could point one at any file the hub can read) is listed `failed` with the reason, as is a folder
 * that cannot be read; the others go on. Returns only once every file was dealt with, so the caller
 * may remove the folder; an error (the database gone) is thrown then.
 */
export async function ingestFolder(runId: string, folder: string): Promise<IngestSummary> {
  const summary: IngestSummary = { uploaded: 0, failed: 0, bytes: 0, skipped: [] };
  const root = await lstat(folder).catch(() => null);
  if (!root?.isDirectory()) return summary;
  const realRoot = await realpath(folder);
  const files = walk(folder, "");
  // A few files at once: each ends in an fsync and a row, which would otherwise queue one by one.
  const worker = async () => {
    for (let next = await files.next(); !next.done; next = await files.next()) {
      const { relative, unreadable } = next.value;
      let artifactPath: string;
      try {
        artifactPath = checkArtifactPath(relative);
      } catch {
        summary.skipped.push(relative);
        continue;
      }
      const outcome = unreadable
        ? await markFailed(runId, artifactPath, "inode/directory", `Could not read the folder: ${unreadable}`, 0).then(() => null)
        : await ingestFile(runId, realRoot, path.join(folder, ...relative.split("/")), artifactPath);
      if (outcome === null) summary.failed++;
      else {
        summary.uploaded++;
        summary.bytes += outcome;
      }
    }
  };
  // Every worker ends before this returns (a rejected one must not leave the others writing rows).
  const results = await Promise.allSettled(Array.from({ length: CONCURRENCY }, worker));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (rejected) throw rejected.reason;
  return summary;
}

/** The folder's entries, sorted; a folder that cannot be read is one entry saying why (the root's error is thrown). */
async function* walk(folder: string, prefix: string): AsyncGenerator<Entry> {
  let entries;
  try {
    entries = await readdir(path.join(folder, prefix), { withFileTypes: true });
  } catch (error) {
    if (!prefix) throw error;
    yield { relative: prefix, unreadable: error instanceof Error ? error.message : String(error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walk(folder, relative);
    else yield { relative };
  }
}

/** The file's size once ingested, or null when it was listed as failed. */
async function ingestFile(runId: string, realRoot: string, file: string, artifactPath: string): Promise<number | null> {
  const contentType = contentTypeOf(artifactPath);
  const fail = (why: string, size: number) => markFailed(runId, artifactPath, contentType, why, size).then(() => null);
  // A folder on the way swapped for a symlink after the walk would lead out of the run's folder.
  const dir = await realpath(path.dirname(file)).catch(() => null);
  if (dir === null || (dir !== realRoot && !dir.startsWith(realRoot + path.sep))) return fail("Not inside the run's folder (a symbolic link on the way).", 0);
  // Opened once, without following a symlink; what is checked and read is that handle, never the path again.
  const handle = await open(file, OPEN_FLAGS).catch((error: NodeJS.ErrnoException) => error);
  if (handle instanceof Error) {
    return fail(handle.code === "ELOOP" ? "A symbolic link, not followed." : `Could not read the file: ${handle.message}`, 0);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return await fail("Not a regular file.", 0);
    const max = env().ARTIFACT_MAX_BYTES;
    if (info.size > max) return await fail(`The file is larger than the limit of ${max} bytes.`, info.size);
    try {
      const temp = await receiveToTemp(handle.createReadStream({ autoClose: false }), max, {
        crc32: true,
        tooLarge: () => new AppError("artifact_too_large", `The file is larger than the limit of ${max} bytes.`),
      });
      await commitTemp(temp);
      const data = { status: "uploaded", sha256: temp.sha256, crc32: temp.crc32 ?? 0, sizeBytes: temp.size, uploadedAt: new Date(), error: null, contentType };
      const row = await db().runArtifact.upsert({
        where: { runId_path: { runId, path: artifactPath } },
        create: { runId, path: artifactPath, ...data },
        update: data,
      });
      await appendEvents(runId, [artifactEvent(toArtifactDto(row, null))]);
      return temp.size;
    } catch (error) {
      return await fail(`Could not read the file: ${error instanceof Error ? error.message : String(error)}`, info.size);
    }
  } finally {
    await handle.close().catch(() => {});
  }
}
