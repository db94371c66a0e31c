"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { fetchCatalogPage, pluginKeys, type CatalogFilters } from "@/lib/api/registry";
import type { PluginList } from "@/lib/registry/schemas";
import { CategoryChips } from "./category-chips";
import { PluginGrid, PluginGridSkeleton } from "./plugin-grid";
import { SearchBox } from "./search-box";
import { SortSelect } from "./sort-select";
import { useCatalogFilters } from "./use-catalog-filters";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";

type Props = { initialFilters: CatalogFilters; initialPage: PluginList };

export function CatalogClient({ initialFilters, initialPage }: Props) {
  const [filters, setFilters] = useCatalogFilters();
  const isInitial = sameFilters(filters, initialFilters);
  const query = useInfiniteQuery({
    queryKey: pluginKeys.list(filters),
    queryFn: ({ pageParam }) => fetchCatalogPage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    initialData: isInitial ? { pages: [initialPage], pageParams: [null] } : undefined,
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages ?? [];
  const plugins = pages.flatMap((page) => page.items);
  const facets = pages[0]?.facets ?? {};
  const filtered = Boolean(filters.q || filters.category);

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Plugin catalog</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Train, deploy and export actions, packaged as Synapse plugins.</p>
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <SearchBox value={filters.q ?? ""} onChange={(q) => setFilters({ q: q || undefined })} />
        <SortSelect value={filters.sort} onChange={(sort) => setFilters({ sort })} />
      </div>
      <CategoryChips selected={filters.category} facets={facets} onSelect={(category) => setFilters({ category })} />

      {query.isError && plugins.length === 0 ? (
        <ErrorState title="The catalog could not be loaded" detail={query.error.message} onRetry={() => query.refetch()} />
      ) : query.isPending ? (
        <PluginGridSkeleton />
      ) : plugins.length === 0 ? (
        filtered ? (
          <EmptyState title="No plugins match" detail="Try another search term or clear the category filter.">
            <Button variant="secondary" onClick={() => setFilters({ q: undefined, category: undefined })}>
              Clear filters
            </Button>
          </EmptyState>
        ) : (
          <EmptyState title="No plugins yet" detail="Publish the first plugin archive to start the catalog.">
            <Button href="/publish">Publish a plugin</Button>
          </EmptyState>
        )
      ) : (
        <div className={query.isPlaceholderData ? "opacity-60 transition-opacity" : "transition-opacity"} aria-busy={query.isFetching}>
          <PluginGrid plugins={plugins} />
          <LoadMore query={query} />
        </div>
      )}
    </div>
  );
}

function sameFilters(a: CatalogFilters, b: CatalogFilters): boolean {
  return (a.q ?? "") === (b.q ?? "") && a.category === b.category && a.sort === b.sort;
}
