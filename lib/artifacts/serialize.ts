import "server-only";
import type { RunArtifact } from "@/lib/generated/prisma/client";
import type { ArtifactDto, ArtifactSummary } from "./schemas";

/** A run's token works this long after the run ended (run-token.ts): an upload still open past it never finishes. */
const UPLOAD_GIVEN_UP_MS = 10 * 60 * 1000;

export function toArtifactDto(row: RunArtifact, runFinishedAt: Date | null): ArtifactDto {
  // An upload its run can no longer finish (the token expired, or the instance receiving it crashed).
  const abandoned = row.status === "uploading" && runFinishedAt !== null && Date.now() - runFinishedAt.getTime() > UPLOAD_GIVEN_UP_MS;
  return {
    path: row.path,
    status: abandoned ? "failed" : (row.status as ArtifactDto["status"]),
    size: Number(row.sizeBytes),
    sha256: row.status === "uploaded" ? row.sha256 : null,
    contentType: row.contentType,
    error: abandoned ? "The upload did not complete before the run's token expired." : row.error,
    createdAt: row.createdAt.toISOString(),
    uploadedAt: row.uploadedAt?.toISOString() ?? null,
  };
}

export function summarize(items: ArtifactDto[]): ArtifactSummary {
  const count = (status: ArtifactDto["status"]) => items.filter((a) => a.status === status).length;
  const bytes = items.reduce((sum, a) => sum + (a.status === "uploaded" ? a.size : 0), 0);
  return { files: items.length, uploaded: count("uploaded"), failed: count("failed"), uploading: count("uploading"), bytes };
}

/** The event the hub appends when a file's state changes, so live run pages update. */
export const artifactEvent = (dto: ArtifactDto) => ({
  type: "artifact" as const,
  data: { path: dto.path, name: dto.path.split("/").at(-1), status: dto.status, size: dto.size, sha256: dto.sha256, error: dto.error },
});
