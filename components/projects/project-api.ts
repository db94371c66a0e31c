// The browser's access to the projects API: query keys, fetchers and the import upload (with progress).
import { fetchJson } from "@/lib/api/api-error";
import { uploadFile } from "@/lib/api/upload";
import type { ExportTarget, ItemPage, ProjectList } from "@/lib/projects/schemas";

export type ImportResult = { id: number; name: string; counts: Record<string, number> };

export const projectKeys = {
  all: ["projects"] as const,
  list: ["projects", "list"] as const,
  items: (id: number, kind: ExportTarget, version: number | null, page: number) => ["projects", "items", id, kind, version, page] as const,
};

export const PROJECT_LIST_LIMIT = 100;
export const ITEMS_PER_PAGE = 24;

export const fetchProjects = () => fetchJson<ProjectList>(`/api/v1/projects?limit=${PROJECT_LIST_LIMIT}`);

export function itemsUrl(id: number, kind: ExportTarget, version: number | null, page: number): string {
  const params = new URLSearchParams({ kind, page: String(page), limit: String(ITEMS_PER_PAGE) });
  if (version !== null) params.set("version", String(version));
  return `/api/v1/projects/${id}/items?${params}`;
}

export const fetchItems = (id: number, kind: ExportTarget, version: number | null, page: number) => fetchJson<ItemPage>(itemsUrl(id, kind, version, page));

/** POST /api/v1/projects with upload progress. */
export const uploadProject = (file: File, onProgress: (fraction: number) => void, signal?: AbortSignal) =>
  uploadFile<ImportResult>("/api/v1/projects", file, onProgress, signal, "Import failed");
