"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { CatalogFilters } from "@/lib/api/registry";
import { CATEGORIES, type Category } from "@/lib/registry/config/categories";

/** The catalog's search, category and sort live in the URL, so a view can be shared or bookmarked. */
export function useCatalogFilters(): [CatalogFilters, (next: Partial<CatalogFilters>) => void] {
  const params = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);

  const update = useCallback((next: Partial<CatalogFilters>) => {
    // Merge with the URL as it is now, not as it was at the last render: a debounced search and a
    // click on a category can land between two renders, and neither may undo the other.
    const merged = { ...parseFilters(new URLSearchParams(window.location.search)), ...next };
    const search = new URLSearchParams();
    if (merged.q) search.set("q", merged.q);
    if (merged.category) search.set("category", merged.category);
    if (merged.sort === "name") search.set("sort", "name");
    const query = search.toString();
    // Next.js keeps useSearchParams in step with the native history API, without a server round trip.
    window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
  }, []);
  return [filters, update];
}

function parseFilters(params: Pick<URLSearchParams, "get">): CatalogFilters {
  const category = params.get("category");
  return {
    q: params.get("q") || undefined,
    category: CATEGORIES.includes(category as Category) ? (category as Category) : undefined,
    sort: params.get("sort") === "name" ? "name" : "updated",
  };
}
