import "server-only";
import { createReadStream } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
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

export type IngestSummary = { uploaded: number; failed: number; bytes: number };

/**
 * Takes every file under `folder` (a run's output folder on the hub's own disk) in as the run's
 * artifacts, its path relative to the folder: each streamed into the blob store (never whole in
 * memory), hashed, committed before its row says `uploaded`, as an upload over HTTP would be. A file
 * that cannot be read, is too large, or is not a plain file (a symlink is never followed: the plugin
 * could point one at any file the hub can read) is listed `failed` with the reason; the others go on.
 */
export async function ingestFolder(runId: string, folder: string): Promise<IngestSummary> {
  const summary: IngestSummary = { uploaded: 0, failed: 0, bytes: 0 };
  const root = await lstat(folder).catch(() => null);
  if (!root?.isDirectory()) return summary;
  const files = walk(folder, "");
  // A few files at once: each ends in an fsync and a row, which would otherwise queue one by one.
  const worker = async () => {
    for (let next = await files.next(); !next.done; next = await files.next()) {
      const relative = next.value;
      let artifactPath: string;
      try {
        artifactPath = checkArtifactPath(relative);
      } catch (error) {
        console.error(`run ${runId}: output file ${JSON.stringify(relative)} skipped:`, error instanceof Error ? error.message : error);
        summary.failed++;
        continue;
      }
      const outcome = await ingestFile(runId, path.join(folder, ...relative.split("/")), artifactPath);
      if (outcome === null) summary.failed++;
      else {
        summary.uploaded++;
        summary.bytes += outcome;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return summary;
}

async function* walk(folder: string, prefix: string): AsyncGenerator<string> {
  const entries = await readdir(path.join(folder, prefix), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walk(folder, relative);
    else yield relative;
  }
}

/** The file's size once ingested, or null when it was listed as failed. */
async function ingestFile(runId: string, file: string, artifactPath: string): Promise<number | null> {
  const contentType = contentTypeOf(artifactPath);
  const info = await lstat(file).catch(() => null);
  if (!info?.isFile()) {
    await markFailed(runId, artifactPath, contentType, info?.isSymbolicLink() ? "A symbolic link, not followed." : "Not a regular file.", 0);
    return null;
  }
  const max = env().ARTIFACT_MAX_BYTES;
  if (info.size > max) {
    await markFailed(runId, artifactPath, contentType, `The file is larger than the limit of ${max} bytes.`, info.size);
    return null;
  }
  try {
    const temp = await receiveToTemp(createReadStream(file), max, {
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
    const why = error instanceof Error ? error.message : String(error);
    await markFailed(runId, artifactPath, contentType, `Could not read the file: ${why}`, info.size);
    return null;
  }
}
