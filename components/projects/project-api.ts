// The browser's access to the projects API: query keys, fetchers and the import upload (with progress).
import { ApiError, fetchJson } from "@/lib/api/api-error";
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

/** POST /api/v1/projects with upload progress (fetch() cannot report it; XMLHttpRequest can). */
export function uploadProject(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append("file", file);
    xhr.open("POST", "/api/v1/projects");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as ImportResult);
      const problem = (body ?? {}) as { code?: string; detail?: string; errors?: ApiError["errors"] };
      reject(new ApiError(xhr.status, problem.code ?? "http_error", problem.detail ?? `Import failed (${xhr.status})`, problem.errors ?? []));
    };
    xhr.onerror = () => reject(new ApiError(0, "network_error", "The upload could not reach the hub. Check your connection and try again."));
    xhr.onabort = () => reject(new ApiError(0, "aborted", "The upload was cancelled."));
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(form);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
