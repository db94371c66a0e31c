"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { RunFilters } from "@/lib/runs/client/api";
import { codeParam } from "@/lib/registry/schemas";
import { RUN_STATUSES, type RunStatus } from "@/lib/runs/schemas";

/** The runs list's filters live in the URL, so a filtered view can be shared, bookmarked or reloaded. */
export function useRunFilters(): [RunFilters, (next: Partial<RunFilters>) => void] {
  const params = useSearchParams();
  const filters = useMemo(() => parseRunFilters(params), [params]);
  const update = useCallback((next: Partial<RunFilters>) => {
    // Merge with the URL as it is now: two quick changes between renders must not undo each other.
    const merged = { ...parseRunFilters(new URLSearchParams(window.location.search)), ...next };
    const search = new URLSearchParams();
    if (merged.status) search.set("status", merged.status);
    if (merged.plugin) search.set("plugin", merged.plugin);
    if (merged.action) search.set("action", merged.action);
    if (merged.mine) search.set("mine", "1");
    const query = search.toString();
    window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
  }, []);
  return [filters, update];
}

export function parseRunFilters(params: Pick<URLSearchParams, "get">): RunFilters {
  const status = params.get("status");
  const plugin = params.get("plugin");
  const action = params.get("action")?.trim();
  return {
    status: RUN_STATUSES.includes(status as RunStatus) ? (status as RunStatus) : undefined,
    plugin: plugin && codeParam.safeParse(plugin).success ? plugin : undefined,
    action: action ? action.slice(0, 100) : undefined,
    mine: params.get("mine") === "1" || undefined,
  };
}
