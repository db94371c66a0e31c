"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { RunFilters } from "@/lib/runs/client/api";
import { parseRunFilters, runFiltersSearch } from "@/lib/runs/client/run-filters";

/** The runs list's filters live in the URL, so a filtered view can be shared, bookmarked or reloaded. */
export function useRunFilters(): [RunFilters, (next: Partial<RunFilters>) => void] {
  const params = useSearchParams();
  const filters = useMemo(() => parseRunFilters(params), [params]);
  const update = useCallback((next: Partial<RunFilters>) => {
    // Merge with the URL as it is now: two quick changes between renders must not undo each other.
    const query = runFiltersSearch({ ...parseRunFilters(new URLSearchParams(window.location.search)), ...next });
    // Next.js keeps useSearchParams in step with the native history API, without a server round trip.
    window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
  }, []);
  return [filters, update];
}
