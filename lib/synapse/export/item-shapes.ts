import "server-only";
import { signedFileUrl } from "@/lib/projects/signed-file-url";
import type { Target } from "./filters";

/**
 * The items of the export lists in the Synapse backend's v1 SDK shapes, as the SDK's handlers read
 * them (handlers.py `get_export_item`): an assignment's file under `file`; a task's and a
 * ground-truth event's files under `data_unit.files`, keyed by slot, the primary one flagged
 * `is_primary`. No item has a top-level `files` key: the SDK's list `url_conversion` would download
 * every file of a page while listing it.
 */
export type Row = {
  id: number;
  project_id: number;
  task_id: number;
  data: unknown;
  created_at: Date;
  key?: string;
  worker?: string;
  status?: string;
  version_id?: number;
  category?: string | null;
};
export type FileRow = { id: number; task_id: number; slot: string; file_name: string; content_type: string; size_bytes: string; is_primary: boolean };

export type SdkFile = { url: string; file_name_original: string; is_primary: boolean; size: number; content_type: string; slot: string };

function sdkFile(origin: string, f: FileRow): SdkFile {
  return {
    url: signedFileUrl(origin, f.id, f.file_name),
    file_name_original: f.file_name,
    is_primary: f.is_primary,
    size: Number(f.size_bytes),
    content_type: f.content_type,
    slot: f.slot,
  };
}

export function toSdkItem(target: Target, row: Row, files: FileRow[], origin: string): Record<string, unknown> {
  const bySlot = Object.fromEntries(files.map((f) => [f.slot, sdkFile(origin, f)]));
  const dataUnit = { id: row.task_id, files: bySlot };
  const created = row.created_at.toISOString();
  if (target === "assignment") {
    const primary = files.find((f) => f.is_primary) ?? files[0];
    return {
      id: row.id,
      project: row.project_id,
      task: row.task_id,
      worker: row.worker,
      status: row.status,
      data: row.data,
      created,
      file: primary ? sdkFile(origin, primary) : {},
      data_unit: dataUnit,
    };
  }
  if (target === "task") return { id: row.id, project: row.project_id, key: row.key, data: row.data, created, data_unit: dataUnit };
  // An event's pgh_id is its own id: the hub keeps no separate history table (the SDK orders GT by -pgh_id).
  return {
    id: row.id,
    pgh_id: row.id,
    ground_truth_dataset_version: row.version_id,
    task: row.task_id,
    category: row.category ?? null,
    data: row.data,
    created,
    data_unit: dataUnit,
  };
}
