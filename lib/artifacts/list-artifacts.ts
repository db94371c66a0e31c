import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { RunStatus } from "@/lib/runs/schemas";
import type { ArtifactList } from "./schemas";
import { summarize, toArtifactDto } from "./serialize";

/** Every file of a run, by path, with the counts the result page and the Exports list show. */
export async function listArtifacts(runId: string): Promise<ArtifactList> {
  const run = await db().run.findUnique({ where: { id: runId }, select: { status: true, finishedAt: true, artifacts: { orderBy: { path: "asc" } } } });
  if (!run) throw notFound("not_found", "No such run.");
  const items = run.artifacts.map((row) => toArtifactDto(row, run.finishedAt));
  return { items, summary: summarize(items), runStatus: run.status as RunStatus };
}

/** The uploaded files, as the zip lists them (path order). */
export async function uploadedArtifacts(runId: string) {
  const rows = await db().runArtifact.findMany({ where: { runId, status: "uploaded" }, orderBy: { path: "asc" } });
  return rows.map((row) => ({
    path: row.path,
    sha256: row.sha256!,
    size: Number(row.sizeBytes),
    crc32: Number(row.crc32 ?? 0),
    modified: row.uploadedAt ?? row.createdAt,
  }));
}
