import "server-only";
import { z } from "zod";
import { requirePrincipal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";
import { AppError } from "@/lib/http/errors";
import { runTokenRun } from "@/lib/runs/run-token";

/**
 * Who reads the export lists. A run's token reads only the project(s) its run's params name: the
 * export's `filter.project`, or the project of `filter.ground_truth_dataset_version(s)`; a plugin
 * cannot widen that by asking for another id. An account (token with `read`, or a session) reads any
 * project: projects have no ACL yet.
 */
export type Reader = { kind: "run"; runId: string; backend: string; projects: Set<number> } | { kind: "account" };

// INT4, as the ids are: a larger one names nothing (and would fail the query below).
const dbId = z.coerce.number().int().min(1).max(2_147_483_647);
const idOrIds = z.union([dbId, z.array(dbId)]).optional();
const runFilter = z
  .object({
    filter: z.object({ project: dbId.optional(), ground_truth_dataset_version: idOrIds, ground_truth_dataset_versions: idOrIds }).loose().optional(),
  })
  .loose();

export async function exportReader(req: Request): Promise<Reader> {
  const runId = await runTokenRun(req);
  if (runId === null) {
    await requirePrincipal(req, { scope: "read" });
    return { kind: "account" };
  }
  const run = await db().run.findUnique({ where: { id: runId }, select: { params: true, backend: true } });
  if (!run) throw new AppError("invalid_token", "The run token's run is gone.");
  const parsed = runFilter.safeParse(run.params ?? {});
  const filter = parsed.success ? parsed.data.filter : undefined;
  const projects = new Set<number>();
  if (filter?.project) projects.add(filter.project);
  const versions = [filter?.ground_truth_dataset_version, filter?.ground_truth_dataset_versions].flat().filter((v): v is number => typeof v === "number");
  if (versions.length) {
    const { rows } = await pool().query<{ project_id: number }>("SELECT DISTINCT project_id FROM ground_truth_versions WHERE id = ANY($1::int[])", [versions]);
    for (const row of rows) projects.add(row.project_id);
  }
  return { kind: "run", runId, backend: run.backend, projects };
}

/** Refuses a run token reading a project its run's params do not name. */
export function assertMayRead(reader: Reader, projectIds: Iterable<number>): void {
  if (reader.kind === "account") return;
  for (const id of projectIds) {
    if (!reader.projects.has(id)) {
      throw new AppError(
        "forbidden",
        `This run may read only the project its params name (filter.project or filter.ground_truth_dataset_version), not project ${id}.`,
      );
    }
  }
}
