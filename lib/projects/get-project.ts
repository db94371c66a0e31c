import "server-only";
import { pool } from "@/lib/db/pool";
import { notFound } from "@/lib/http/errors";
import type { ProjectCounts, ProjectDetail, ProjectList, ProjectSummary } from "./schemas";

type Row = { id: number; name: string; description: string; created_at: Date; configuration?: Record<string, unknown> } & Record<
  "tasks" | "files" | "assignments" | "gt_versions" | "gt_events",
  number
>;

// Counts are counted, not kept: imports never change a project afterwards, and each is an index scan.
const COUNTS = `
  (SELECT count(*)::int FROM project_tasks t WHERE t.project_id = p.id) AS tasks,
  (SELECT count(*)::int FROM task_files f JOIN project_tasks t ON t.id = f.task_id WHERE t.project_id = p.id) AS files,
  (SELECT count(*)::int FROM assignments a WHERE a.project_id = p.id) AS assignments,
  (SELECT count(*)::int FROM ground_truth_versions v WHERE v.project_id = p.id) AS gt_versions,
  (SELECT count(*)::int FROM ground_truth_events e JOIN ground_truth_versions v ON v.id = e.version_id WHERE v.project_id = p.id) AS gt_events`;

const counts = (r: Row): ProjectCounts => ({
  tasks: r.tasks,
  files: r.files,
  assignments: r.assignments,
  groundTruthVersions: r.gt_versions,
  groundTruthEvents: r.gt_events,
});

const toSummary = (r: Row): ProjectSummary => ({
  id: r.id,
  name: r.name,
  description: r.description,
  createdAt: r.created_at.toISOString(),
  counts: counts(r),
});

/** Newest first, paged by id (`cursor` is the last id of the previous page). */
export async function listProjects(query: { cursor?: number; limit: number }): Promise<ProjectList> {
  const { rows } = await pool().query<Row>(
    `SELECT p.id, p.name, p.description, p.created_at, ${COUNTS} FROM projects p WHERE ($1::int IS NULL OR p.id < $1) ORDER BY p.id DESC LIMIT $2`,
    [query.cursor ?? null, query.limit + 1],
  );
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit).map(toSummary);
  return { items, nextCursor: more ? items[items.length - 1].id : null };
}

export async function getProject(id: number): Promise<ProjectDetail> {
  const { rows } = await pool().query<Row>(`SELECT p.id, p.name, p.description, p.created_at, p.configuration, ${COUNTS} FROM projects p WHERE p.id = $1`, [
    id,
  ]);
  if (!rows[0]) throw notFound("project_not_found", `No project ${id}.`);
  const [versions, statuses] = await Promise.all([
    pool().query<{ id: number; name: string; description: string; created_at: Date; events: number }>(
      `SELECT v.id, v.name, v.description, v.created_at, (SELECT count(*)::int FROM ground_truth_events e WHERE e.version_id = v.id) AS events
       FROM ground_truth_versions v WHERE v.project_id = $1 ORDER BY v.id DESC`,
      [id],
    ),
    pool().query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM assignments WHERE project_id = $1 GROUP BY status ORDER BY status`, [
      id,
    ]),
  ]);
  return {
    ...toSummary(rows[0]),
    configuration: rows[0].configuration ?? {},
    groundTruthVersions: versions.rows.map((v) => ({
      id: v.id,
      name: v.name,
      description: v.description,
      events: v.events,
      createdAt: v.created_at.toISOString(),
    })),
    assignmentStatuses: Object.fromEntries(statuses.rows.map((s) => [s.status, s.n])),
  };
}
