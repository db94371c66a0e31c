import "server-only";
import { pool } from "@/lib/db/pool";
import { notFound } from "@/lib/http/errors";
import { filesOf } from "@/lib/projects/list-items";
import { assertMayRead, exportReader } from "./access";
import { conditionsSql, parseFilters, type ParsedFilters, type Target } from "./filters";
import { type FileRow, type Row, toSdkItem } from "./item-shapes";
import { callerOrigin, pageLink } from "./links";
import { encodeCursor, parseListQuery, queryMap } from "./list-query";

const SOURCES: Record<Target, { from: string; alias: string; columns: string }> = {
  assignment: {
    from: "assignments a",
    alias: "a",
    columns: "a.id, a.project_id, a.task_id, a.worker, a.status, a.data, a.created_at",
  },
  task: { from: "project_tasks t", alias: "t", columns: "t.id, t.project_id, t.id AS task_id, t.key, t.data, t.created_at" },
  ground_truth: {
    from: "ground_truth_events e JOIN ground_truth_versions v ON v.id = e.version_id",
    alias: "e",
    columns: "e.id, v.project_id, e.task_id, e.version_id, e.category, e.data, e.created_at",
  },
};

type CursorPage = { next: string | null; previous: null; results: unknown[] };
type NumberedPage = { count: number; next: string | null; previous: string | null; results: unknown[] };

/**
 * One page of `sdk/assignments/`, `sdk/tasks/` or `sdk/ground_truth_events/` (export-protocol.md):
 * the query validated (unknown filters refused), the caller allowed to read the project(s) it names,
 * then one page by keyset (cursor mode) or by offset with its count (page mode, the SDK's count
 * probe). Each page reads its rows and their files in two queries, never the whole project.
 */
export async function listExportItems(req: Request, target: Target): Promise<CursorPage | NumberedPage> {
  const asked = new URL(req.headers.get("x-synapse-path") ?? req.url);
  const reader = await exportReader(req);
  const query = queryMap(new URL(req.url));
  const filters = parseFilters(target, query);
  const paging = parseListQuery(target, query);
  assertMayRead(reader, await projectsNamed(target, filters));

  const { from, alias, columns } = SOURCES[target];
  const where = conditionsSql(filters.conditions, 1);
  const order = `${alias}.id ${paging.descending ? "DESC" : "ASC"}`;
  const origin = callerOrigin(req, reader);
  const toItems = async (rows: Row[]) => {
    const files = (await filesOf(rows.map((r) => r.task_id))) as Map<number, FileRow[]>;
    return rows.map((row) => toSdkItem(target, row, files.get(row.task_id) ?? [], origin));
  };

  if (paging.mode === "cursor") {
    const bound = paging.after === null ? "" : ` AND ${alias}.id ${paging.descending ? "<" : ">"} $${where.params.length + 1}`;
    const params = paging.after === null ? where.params : [...where.params, paging.after];
    const { rows } = await pool().query<Row>(`SELECT ${columns} FROM ${from} WHERE ${where.sql}${bound} ORDER BY ${order} LIMIT $${params.length + 1}`, [
      ...params,
      paging.pageSize + 1,
    ]);
    const more = rows.length > paging.pageSize;
    const page = rows.slice(0, paging.pageSize);
    const next = more ? pageLink(asked, origin, { cursor: encodeCursor(page[page.length - 1].id), pagination: "cursor" }, ["page"]) : null;
    return { next, previous: null, results: await toItems(page) };
  }

  const offset = (paging.page - 1) * paging.pageSize;
  const n = where.params.length;
  const [count, rows] = await Promise.all([
    pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from} WHERE ${where.sql}`, where.params),
    pool().query<Row>(`SELECT ${columns} FROM ${from} WHERE ${where.sql} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`, [
      ...where.params,
      paging.pageSize,
      offset,
    ]),
  ]);
  const total = count.rows[0].n;
  const link = (page: number) => pageLink(asked, origin, { page: String(page), page_size: String(paging.pageSize) }, ["cursor"]);
  return {
    count: total,
    next: offset + paging.pageSize < total ? link(paging.page + 1) : null,
    previous: paging.page > 1 ? link(paging.page - 1) : null,
    results: await toItems(rows.rows),
  };
}

/** The projects a list request reads: its `project`, or the projects of the ground-truth versions it names. */
async function projectsNamed(target: Target, filters: ParsedFilters): Promise<number[]> {
  if (target !== "ground_truth") {
    const project = filters.values.project as number;
    const { rowCount } = await pool().query("SELECT 1 FROM projects WHERE id = $1", [project]);
    if (!rowCount) throw notFound("project_not_found", `No project ${project}.`);
    return [project];
  }
  const versions = [
    ...((filters.values.ground_truth_dataset_versions as number[] | undefined) ?? []),
    ...((filters.values.ground_truth_dataset_version as number[] | undefined) ?? []),
  ];
  const { rows } = await pool().query<{ id: number; project_id: number }>("SELECT id, project_id FROM ground_truth_versions WHERE id = ANY($1::int[])", [
    versions,
  ]);
  const missing = versions.filter((v) => !rows.some((r) => r.id === v));
  if (missing.length) throw notFound("not_found", `No ground-truth dataset version ${missing.join(", ")}.`);
  return [...new Set(rows.map((r) => r.project_id))];
}
