// The browser's access to the Exports list: query keys and the fetcher.
import { fetchJson } from "@/lib/api/api-error";
import type { RunStatus } from "@/lib/runs/schemas";
import type { ExportList } from "./schemas";

export const exportKeys = {
  list: (status: RunStatus | undefined) => ["exports", "list", status ?? null] as const,
};

export function exportListUrl(status: RunStatus | undefined, cursor: string | null): string {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (cursor) params.set("cursor", cursor);
  return `/api/v1/exports?${params}`;
}

export const fetchExports = (status: RunStatus | undefined, cursor: string | null) => fetchJson<ExportList>(exportListUrl(status, cursor));
