"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { fetchRunList, runKeys, type RunFilters as RunFiltersValue } from "@/lib/runs/client/api";
import { sameRunFilters } from "@/lib/runs/client/run-filters";
import { isTerminal, type RunList } from "@/lib/runs/schemas";
import { Deployments } from "./deployments";
import { RunFilters } from "./run-filters";
import { RunsTable } from "./runs-table";
import { RunsListSkeleton } from "./runs-list-skeleton";
import { useRunFilters } from "./use-run-filters";

/** How often the list is read again while a run on screen is still live: simple, and robust to any missed change. */
const LIVE_POLL_MS = 3000;

type Props = { initialFilters: RunFiltersValue; initialPage: RunList };

export function RunsListClient({ initialFilters, initialPage }: Props) {
  const [filters, setFilters] = useRunFilters();
  const isInitial = sameRunFilters(filters, initialFilters);
  const query = useInfiniteQuery({
    queryKey: runKeys.list(filters),
    queryFn: ({ pageParam }) => fetchRunList(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    initialData: isInitial ? { pages: [initialPage], pageParams: [null] } : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.pages.some((page) => page.items.some((run) => !isTerminal(run.status))) ? LIVE_POLL_MS : false),
  });
  const runs = query.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.status || filters.plugin || filters.action || filters.mine);

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Runs</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Every action launched on this hub, newest first.</p>
      </div>
      <Deployments />
      <RunFilters filters={filters} onChange={setFilters} />
      {query.isError && runs.length === 0 ? (
        <ErrorState title="The runs could not be loaded" detail={query.error.message} onRetry={() => query.refetch()} />
      ) : query.isPending ? (
        <RunsListSkeleton />
      ) : runs.length === 0 ? (
        filtered ? (
          <EmptyState title="No runs match" detail="Try another status, plugin or action, or clear the filters.">
            <Button variant="secondary" onClick={() => setFilters({ status: undefined, plugin: undefined, action: undefined, mine: undefined })}>
              Clear filters
            </Button>
          </EmptyState>
        ) : (
          <EmptyState title="No runs yet" detail="Pick a plugin in the catalog and run one of its actions: its progress, logs and metrics show here live.">
            <Button href="/">Browse the catalog</Button>
          </EmptyState>
        )
      ) : (
        <div className={query.isPlaceholderData ? "opacity-60 transition-opacity" : "transition-opacity"} aria-busy={query.isFetching}>
          <RunsTable runs={runs} />
          <LoadMore query={query} />
        </div>
      )}
    </div>
  );
}
