// The runs list's filters as they appear in the page's URL (`?status=&plugin=&action=&backend=&mine=1`): read
// leniently (an unknown value is dropped, not an error), written in one canonical order.
import { codeParam } from "@/lib/registry/schemas";
import { BACKENDS, RUN_STATUSES, type BackendName, type RunListQuery, type RunStatus } from "@/lib/runs/schemas";
import type { RunFilters } from "./api";

export function parseRunFilters(params: Pick<URLSearchParams, "get">): RunFilters {
  const status = params.get("status");
  const plugin = params.get("plugin");
  const action = params.get("action")?.trim();
  const backend = params.get("backend");
  return {
    status: RUN_STATUSES.includes(status as RunStatus) ? (status as RunStatus) : undefined,
    plugin: plugin && codeParam.safeParse(plugin).success ? plugin : undefined,
    action: action ? action.slice(0, 100) : undefined,
    backend: BACKENDS.includes(backend as BackendName) ? (backend as BackendName) : undefined,
    mine: params.get("mine") === "1" || undefined,
  };
}

export function runFiltersSearch(filters: RunFilters): string {
  const search = new URLSearchParams();
  if (filters.status) search.set("status", filters.status);
  if (filters.plugin) search.set("plugin", filters.plugin);
  if (filters.action) search.set("action", filters.action);
  if (filters.backend) search.set("backend", filters.backend);
  if (filters.mine) search.set("mine", "1");
  return search.toString();
}

/** The API query the filters stand for (the server page reads its first page with it). */
export const runListQuery = (filters: RunFilters, limit = 25): RunListQuery => ({
  status: filters.status,
  plugin: filters.plugin,
  action: filters.action,
  backend: filters.backend,
  who: filters.mine ? "me" : undefined,
  limit,
});

export const sameRunFilters = (a: RunFilters, b: RunFilters): boolean => runFiltersSearch(a) === runFiltersSearch(b);
