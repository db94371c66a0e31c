// Client-side access to the registry API: query keys and fetchers, shared by the pages.
import type { ListQuery, PluginList, VersionSummary } from "@/lib/registry/schemas";
import { fetchJson } from "./api-error";

export type CatalogFilters = Pick<ListQuery, "q" | "category" | "sort">;

export const pluginKeys = {
  all: ["plugins"] as const,
  list: (filters: CatalogFilters) => ["plugins", "list", filters] as const,
  detail: (code: string) => ["plugins", "detail", code] as const,
};

export function catalogUrl(filters: CatalogFilters, cursor?: string | null, facets = false): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.category) params.set("category", filters.category);
  if (filters.sort && filters.sort !== "updated") params.set("sort", filters.sort);
  if (cursor) params.set("cursor", cursor);
  if (facets) params.set("facets", "1");
  return `/api/v1/plugins?${params}`;
}

export const fetchCatalogPage = (filters: CatalogFilters, cursor: string | null) => fetchJson<PluginList>(catalogUrl(filters, cursor, cursor === null));

export const yankVersion = (code: string, version: string, yanked: boolean, reason?: string) =>
  fetchJson<VersionSummary>(`/api/v1/plugins/${code}/versions/${encodeURIComponent(version)}/yank`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ yanked, reason }),
  });
