// The params an export run gets, in the shape of the Synapse SDK's ExportParams (/work/notes/export-protocol.md):
// both SDK export plugins and the hub's own runtime read them unchanged.
import type { ExportTarget } from "./schemas";

/** The one storage the hub has: each run's own output folder, ingested as its artifacts. */
export const HUB_STORAGE = 1;

export type ExportForm = {
  target: ExportTarget;
  /** Ground truth: the version to export. */
  versionId: number | null;
  /** Assignments and tasks: an optional id range, both ends included. */
  idFrom: string;
  idTo: string;
  name: string;
  saveOriginalFile: boolean;
};

export type ExportParams = {
  name: string;
  storage: number;
  path: string;
  target: ExportTarget;
  filter: Record<string, number>;
  save_original_file: boolean;
};

export type ExportFieldErrors = Partial<Record<"name" | "version" | "idFrom" | "idTo", string>>;

// A folder name: no separators, and not "." or ".." (or hidden), which would write beside the export folder.
const NAME = /^(?!\.)[^/\\]{1,100}$/;

/**
 * What launching with `params` would write outside the run's storage folder: params that name a
 * storage must give a plain folder `name` and a `path` without `..`, whoever builds them (this form,
 * a script, the SDK's own CLI). Any storage value counts: the SDK's pydantic reads "01", " 1", "1.0"
 * and true as storage 1, and the hub has no other. Each problem as a field error.
 */
export function hubStorageProblems(params: Record<string, unknown>): { path: string; message: string }[] {
  if (params.storage === undefined || params.storage === null) return [];
  const problems: { path: string; message: string }[] = [];
  if (params.name !== undefined && (typeof params.name !== "string" || !NAME.test(params.name.trim()))) {
    problems.push({ path: "name", message: "must be a folder name: at most 100 characters, without / or \\, and not starting with a dot" });
  }
  if (params.path !== undefined && (typeof params.path !== "string" || params.path.split(/[/\\]/).includes(".."))) {
    problems.push({ path: "path", message: "must be a path inside the storage (no .. segment)" });
  }
  return problems;
}

function readId(text: string): number | null | undefined {
  if (!text.trim()) return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 2_147_483_647 ? n : null;
}

/** The form checked and turned into ExportParams, or every field's problem. */
export function exportParams(projectId: number, form: ExportForm): { ok: true; params: ExportParams } | { ok: false; errors: ExportFieldErrors } {
  const errors: ExportFieldErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = "is required";
  else if (!NAME.test(name)) errors.name = "must be at most 100 characters, without / or \\, and not start with a dot (it names the export's folder)";
  const filter: Record<string, number> = {};
  if (form.target === "ground_truth") {
    // The SDK's singular spelling; a ground-truth filter names the version, not the project.
    if (form.versionId === null) errors.version = "pick a version";
    else filter.ground_truth_dataset_version = form.versionId;
  } else {
    filter.project = projectId;
    const from = readId(form.idFrom);
    const to = readId(form.idTo);
    if (from === null) errors.idFrom = "must be a whole number from 1";
    if (to === null) errors.idTo = "must be a whole number from 1";
    if (from && to && from > to) errors.idTo = "must not be below the first id";
    if (from) filter.id__gte = from;
    if (to) filter.id__lte = to;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, params: { name, storage: HUB_STORAGE, path: "/", target: form.target, filter, save_original_file: form.saveOriginalFile } };
}

/** A default output name: the project's name as a slug, then the target. */
export function defaultExportName(projectName: string, target: ExportTarget): string {
  const slug = projectName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "project"}-${target.replace("_", "-")}`;
}
