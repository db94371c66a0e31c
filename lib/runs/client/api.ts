// The browser's access to the runs API: query keys and fetchers, shared by the run pages and the home page.
import { fetchJson } from "@/lib/api/api-error";
import type { BackendName, RunDto, RunEventDto, RunList, RunStatus } from "@/lib/runs/schemas";

export type RunFilters = { status?: RunStatus; plugin?: string; action?: string; backend?: BackendName; mine?: boolean };

export const runKeys = {
  all: ["runs"] as const,
  list: (filters: RunFilters) => ["runs", "list", filters] as const,
  detail: (id: string) => ["runs", "detail", id] as const,
  deployments: ["runs", "deployments"] as const,
};

/** The serve actions serving now: the hub's deployments. */
export const fetchDeployments = () => fetchJson<RunList>("/api/v1/runs?method=serve&status=running&limit=50");

export function runListUrl(filters: RunFilters, cursor?: string | null, limit?: number): string {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.plugin) params.set("plugin", filters.plugin);
  if (filters.action) params.set("action", filters.action);
  if (filters.backend) params.set("backend", filters.backend);
  if (filters.mine) params.set("who", "me");
  if (cursor) params.set("cursor", cursor);
  if (limit) params.set("limit", String(limit));
  return `/api/v1/runs?${params}`;
}

export const fetchRunList = (filters: RunFilters, cursor: string | null, limit?: number) => fetchJson<RunList>(runListUrl(filters, cursor, limit));

export const fetchRun = (id: string) => fetchJson<RunDto>(`/api/v1/runs/${id}`);

export const fetchRunEvents = (id: string, after: number, limit = 5000) =>
  fetchJson<{ items: RunEventDto[]; nextCursor: number | null }>(`/api/v1/runs/${id}/events?after=${after}&limit=${limit}`);

export const runEventsStreamUrl = (id: string, after: number) => `/api/v1/runs/${id}/events?after=${after}`;
export const runLogsUrl = (id: string) => `/api/v1/runs/${id}/logs`;

export const cancelRun = (id: string) => fetchJson<RunDto>(`/api/v1/runs/${id}/cancel`, { method: "POST" });

/** Launches the same plugin version and action with the same params; a fresh key, since this is a new run on purpose. */
export const runAgain = (run: Pick<RunDto, "plugin" | "version" | "action" | "params">) =>
  fetchJson<RunDto>("/api/v1/runs", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    body: JSON.stringify({ plugin: run.plugin, version: run.version, action: run.action, params: run.params }),
  });
