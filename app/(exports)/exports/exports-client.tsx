"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { exportKeys, fetchExports } from "@/lib/exports/client";
import type { ExportList } from "@/lib/exports/schemas";
import { isTerminal, RUN_STATUSES, type RunStatus } from "@/lib/runs/schemas";
import { ExportsTable } from "./exports-table";

/** Read again this often while an export on screen still runs (its progress, then its size). */
const LIVE_POLL_MS = 3000;

const parseStatus = (value: string | null) => ((RUN_STATUSES as readonly string[]).includes(value ?? "") ? (value as RunStatus) : undefined);

export function ExportsClient({ initialStatus, initialPage }: { initialStatus: RunStatus | undefined; initialPage: ExportList }) {
  // The filter lives in the URL, so a filtered view can be shared or reloaded.
  const status = parseStatus(useSearchParams().get("status"));
  const setStatus = (next: RunStatus | undefined) => window.history.replaceState(null, "", next ? `?status=${next}` : window.location.pathname);
  const query = useInfiniteQuery({
    queryKey: exportKeys.list(status),
    queryFn: ({ pageParam }) => fetchExports(status, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    initialData: status === initialStatus ? { pages: [initialPage], pageParams: [null] } : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.pages.some((page) => page.items.some((e) => !isTerminal(e.status))) ? LIVE_POLL_MS : false),
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Exports</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Runs of export plugins, newest first: what they exported, and their files to download.</p>
      </div>
      <label className="flex w-fit items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
        Status
        <select
          value={status ?? ""}
          onChange={(event) => setStatus(parseStatus(event.target.value))}
          className="rounded-lg border border-zinc-300 bg-white px-2.5 py-2 text-sm text-zinc-900 shadow-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <option value="">Any</option>
          {RUN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      {query.isError && items.length === 0 ? (
        <ErrorState title="The exports could not be loaded" detail={query.error.message} onRetry={() => query.refetch()} />
      ) : query.isPending ? (
        <div className="h-48 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" aria-label="Loading the exports" />
      ) : items.length === 0 ? (
        status ? (
          <EmptyState title={`No ${status} exports`} detail="Try another status, or show them all.">
            <Button variant="secondary" onClick={() => setStatus(undefined)}>
              Show all exports
            </Button>
          </EmptyState>
        ) : (
          <EmptyState
            title="No exports yet"
            detail="Open a project, choose Export, and pick an export plugin, a target (assignments, ground truth or tasks) and a filter: the run and its files show here."
          >
            <div className="flex flex-wrap justify-center gap-2">
              <Button href="/projects">Go to the projects</Button>
              <Button variant="secondary" href="/?category=export">
                Export plugins
              </Button>
            </div>
          </EmptyState>
        )
      ) : (
        <div className={query.isPlaceholderData ? "opacity-60 transition-opacity" : "transition-opacity"} aria-busy={query.isFetching}>
          <ExportsTable exports={items} />
          <LoadMore query={query} />
        </div>
      )}
    </div>
  );
}
