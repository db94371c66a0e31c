import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decode as decodeCursor, encode as encodeCursor } from "@/lib/runs/list-runs";
import { RUN_INCLUDE } from "@/lib/runs/serialize";
import type { RunDto } from "@/lib/runs/schemas";
import { readExportParams, type ExportParams } from "./export-params";
import type { ExportDto, ExportList, ExportListQuery } from "./schemas";

/**
 * Export runs, newest first: the runs of plugins whose category is `export`, with what their params
 * say they export, and their files counted in the database (an export of 50,000 files is not read
 * row by row to list it).
 */
export async function listExports(query: ExportListQuery): Promise<ExportList> {
  const where: Prisma.RunWhereInput = { plugin: { category: "export" }, status: query.status };
  if (query.cursor) {
    const { createdAt, id } = decodeCursor(query.cursor);
    where.OR = [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }];
  }
  const rows = await db().run.findMany({ where, include: RUN_INCLUDE, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const runIds = page.map((run) => run.id);
  const params = new Map(page.map((run) => [run.id, readExportParams(run.params)]));
  const gtIds = unique([...params.values()].map((p) => p.groundTruthVersionId));
  const [counts, gtVersions] = await Promise.all([
    runIds.length
      ? db().runArtifact.groupBy({ by: ["runId", "status"], where: { runId: { in: runIds } }, _count: { _all: true }, _sum: { sizeBytes: true } })
      : [],
    gtIds.length ? db().groundTruthVersion.findMany({ where: { id: { in: gtIds } }, select: { id: true, name: true, projectId: true } }) : [],
  ]);
  const gtById = new Map(gtVersions.map((v) => [v.id, v]));
  // A ground-truth export names only its version (the SDK's filter): its project is the version's.
  const projectOf = (p: ExportParams) => p.projectId ?? (p.groundTruthVersionId === null ? null : (gtById.get(p.groundTruthVersionId)?.projectId ?? null));
  const projectIds = unique([...params.values()].map(projectOf));
  const projects = projectIds.length ? await db().project.findMany({ where: { id: { in: projectIds } }, select: { id: true, name: true } }) : [];
  const projectNames = new Map(projects.map((p) => [p.id, p.name]));

  const items = page.map((run): ExportDto => {
    const mine = counts.filter((c) => c.runId === run.id);
    const uploaded = mine.find((c) => c.status === "uploaded");
    const p = params.get(run.id)!;
    const projectId = projectOf(p);
    return {
      runId: run.id,
      plugin: run.pluginCode,
      version: run.version,
      action: run.action,
      status: run.status as RunDto["status"],
      progress: (run.progress as RunDto["progress"])?.overall ?? null,
      error: run.error,
      target: p.target,
      project: projectId === null ? null : { id: projectId, name: projectNames.get(projectId) ?? null },
      groundTruthVersion: p.groundTruthVersionId === null ? null : { id: p.groundTruthVersionId, name: gtById.get(p.groundTruthVersionId)?.name ?? null },
      name: p.name,
      files: mine.reduce((sum, c) => sum + c._count._all, 0),
      failed: mine.find((c) => c.status === "failed")?._count._all ?? 0,
      bytes: Number(uploaded?._sum.sizeBytes ?? 0),
      launchedBy: run.launchedBy,
      createdAt: run.createdAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

const unique = (ids: (number | null)[]) => [...new Set(ids.filter((id): id is number => id !== null))];
