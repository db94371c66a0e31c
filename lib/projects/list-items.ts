import "server-only";
import { pool } from "@/lib/db/pool";
import { notFound } from "@/lib/http/errors";
import type { ItemFile, ItemPage, ItemsQuery, ProjectItem } from "./schemas";

type FileRow = { id: number; task_id: number; slot: string; file_name: string; content_type: string; size_bytes: string; is_primary: boolean };
type ItemRow = {
  id: number;
  task_id: number;
  task_key: string;
  data: unknown;
  worker?: string;
  status?: string;
  version_id?: number;
  category?: string | null;
};

export const fileUrl = (projectId: number, fileId: number) => `/api/v1/projects/${projectId}/files/${fileId}`;

/** One page of a project's tasks, assignments or ground-truth events (of one version), with their task's files. */
export async function listItems(projectId: number, query: ItemsQuery): Promise<ItemPage> {
  const exists = await pool().query("SELECT 1 FROM projects WHERE id = $1", [projectId]);
  if (!exists.rowCount) throw notFound("project_not_found", `No project ${projectId}.`);
  const offset = (query.page - 1) * query.limit;
  let total: number;
  let rows: ItemRow[];
  if (query.kind === "task") {
    [total, rows] = await page(
      `FROM project_tasks t WHERE t.project_id = $1`,
      `t.id, t.id AS task_id, t.key AS task_key, t.data`,
      "t.id",
      [projectId],
      query.limit,
      offset,
    );
  } else if (query.kind === "assignment") {
    [total, rows] = await page(
      `FROM assignments a JOIN project_tasks t ON t.id = a.task_id WHERE a.project_id = $1`,
      `a.id, a.task_id, t.key AS task_key, a.data, a.worker, a.status`,
      "a.id",
      [projectId],
      query.limit,
      offset,
    );
  } else {
    const version =
      query.version ??
      (await pool().query<{ id: number }>("SELECT id FROM ground_truth_versions WHERE project_id = $1 ORDER BY id DESC LIMIT 1", [projectId])).rows[0]?.id;
    if (!version) return { items: [], total: 0, page: query.page, limit: query.limit };
    [total, rows] = await page(
      `FROM ground_truth_events e JOIN ground_truth_versions v ON v.id = e.version_id JOIN project_tasks t ON t.id = e.task_id WHERE v.project_id = $1 AND v.id = $2`,
      `e.id, e.task_id, t.key AS task_key, e.data, e.version_id, e.category`,
      "e.id",
      [projectId, version],
      query.limit,
      offset,
    );
  }
  const files = await filesOf(rows.map((r) => r.task_id));
  const items: ProjectItem[] = rows.map((r) => ({
    id: r.id,
    kind: query.kind,
    taskId: r.task_id,
    taskKey: r.task_key,
    worker: r.worker ?? null,
    status: r.status ?? null,
    versionId: r.version_id ?? null,
    category: r.category ?? null,
    data: r.data,
    files: (files.get(r.task_id) ?? []).map((f) => toFile(projectId, f)),
  }));
  return { items, total, page: query.page, limit: query.limit };
}

async function page(from: string, columns: string, order: string, params: unknown[], limit: number, offset: number): Promise<[number, ItemRow[]]> {
  const n = params.length;
  const [count, rows] = await Promise.all([
    pool().query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params),
    pool().query<ItemRow>(`SELECT ${columns} ${from} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, limit, offset]),
  ]);
  return [count.rows[0].n, rows.rows];
}

export async function filesOf(taskIds: number[]): Promise<Map<number, FileRow[]>> {
  const byTask = new Map<number, FileRow[]>();
  if (!taskIds.length) return byTask;
  const { rows } = await pool().query<FileRow>(
    `SELECT id, task_id, slot, file_name, content_type, size_bytes::text, is_primary FROM task_files WHERE task_id = ANY($1::int[]) ORDER BY task_id, is_primary DESC, slot`,
    [[...new Set(taskIds)]],
  );
  for (const row of rows) byTask.set(row.task_id, [...(byTask.get(row.task_id) ?? []), row]);
  return byTask;
}

function toFile(projectId: number, f: FileRow): ItemFile {
  return {
    id: f.id,
    slot: f.slot,
    fileName: f.file_name,
    contentType: f.content_type,
    sizeBytes: Number(f.size_bytes),
    isPrimary: f.is_primary,
    url: fileUrl(projectId, f.id),
  };
}
