import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { nodeBodyOf } from "@/lib/http/node-body";
import { appendEvents } from "@/lib/runs/event-store";
import { commitTemp, discardTemp } from "@/lib/storage/blob-store";
import { contentTypeOf } from "@/lib/storage/content-type";
import { receiveToTemp } from "@/lib/storage/receive-to-temp";
import type { ArtifactDto } from "./schemas";
import { artifactEvent, toArtifactDto } from "./serialize";

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Stores one file a run uploads (`PUT /api/v1/runs/{id}/artifacts/{path}`, the run's token): the body
 * is streamed to a temp file (never whole in memory), hashed on the way, compared with the sha256 the
 * run declared (`X-Artifact-Sha256`), then committed to the blob store (fsync, rename) before the row
 * says `uploaded`. While it arrives the row says `uploading`; a refusal or a broken upload leaves it
 * `failed` with the reason, so the result lists it. Uploads in progress live in the store's tmp/,
 * which the orphan collector never reads; a committed blob is younger than its grace period until the
 * row that names it commits (collect-orphans.ts).
 */
export async function receiveArtifact(req: Request, runId: string, path: string): Promise<ArtifactDto> {
  const declared = req.headers.get("x-artifact-sha256")?.trim().toLowerCase() ?? "";
  const body = nodeBodyOf(req) ?? (req.body ? Readable.fromWeb(req.body as unknown as WebReadableStream) : null);
  const refuse = (error: AppError) => {
    body?.resume(); // drained, not reset, so the run reads the refusal
    throw error;
  };
  if (!SHA256.test(declared)) {
    refuse(new AppError("validation_failed", "Declare the file's sha256 in X-Artifact-Sha256.", [{ path: "X-Artifact-Sha256", message: "is required" }]));
  }
  const max = env().ARTIFACT_MAX_BYTES;
  const tooLarge = () => new AppError("artifact_too_large", `The file is larger than the limit of ${max} bytes.`);
  const length = Number(req.headers.get("content-length"));
  const contentType = contentTypeOf(path);
  const run = await db().run.findUnique({ where: { id: runId }, select: { finishedAt: true } });
  if (!run) refuse(new AppError("not_found", "No such run."));
  if (Number.isFinite(length) && length > max) {
    await markFailed(runId, path, contentType, tooLarge().message, length);
    refuse(tooLarge());
  }
  await db().runArtifact.upsert({
    where: { runId_path: { runId, path } },
    create: { runId, path, status: "uploading", contentType, sizeBytes: Number.isFinite(length) ? length : 0 },
    update: { status: "uploading", sha256: null, crc32: null, error: null, uploadedAt: null, contentType },
  });
  if (!body)
    return markFailed(runId, path, contentType, "The upload had no body.", 0).then(
      () => refuse(new AppError("bad_request", "Send the file as the body.")) as never,
    );

  let temp;
  try {
    temp = await receiveToTemp(body, max, { crc32: true, tooLarge });
  } catch (error) {
    const why = error instanceof AppError ? error.message : "The upload was interrupted.";
    await markFailed(runId, path, contentType, why, null);
    throw error instanceof AppError ? error : new AppError("bad_request", why);
  }
  if (temp.sha256 !== declared) {
    await discardTemp(temp);
    const why = `The bytes received (sha256 ${temp.sha256}) are not the ones declared (${declared}): the file changed while it was sent?`;
    await markFailed(runId, path, contentType, why, temp.size);
    throw new AppError("checksum_mismatch", why);
  }
  await commitTemp(temp);
  const row = await db().runArtifact.update({
    where: { runId_path: { runId, path } },
    data: { status: "uploaded", sha256: temp.sha256, crc32: temp.crc32 ?? 0, sizeBytes: temp.size, uploadedAt: new Date(), error: null },
  });
  const dto = toArtifactDto(row, run!.finishedAt);
  await appendEvents(runId, [artifactEvent(dto)]);
  return dto;
}

/**
 * Records that a file failed (the run could not read it, its upload broke, its bytes were not the
 * declared ones). A file already uploaded keeps its bytes: a failed later attempt at the same path
 * does not erase them.
 */
export async function markFailed(runId: string, path: string, contentType: string, error: string, size: number | null): Promise<ArtifactDto> {
  const existing = await db().runArtifact.findUnique({ where: { runId_path: { runId, path } } });
  const run = await db().run.findUniqueOrThrow({ where: { id: runId }, select: { finishedAt: true } });
  if (existing?.status === "uploaded") return toArtifactDto(existing, run.finishedAt);
  const data = { status: "failed", sha256: null, crc32: null, error: error.slice(0, 2000), contentType, ...(size === null ? {} : { sizeBytes: size }) };
  const row = await db().runArtifact.upsert({ where: { runId_path: { runId, path } }, create: { runId, path, ...data }, update: data });
  const dto = toArtifactDto(row, run.finishedAt);
  await appendEvents(runId, [artifactEvent(dto)]);
  return dto;
}
