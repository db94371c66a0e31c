"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { EmptyState, ErrorState } from "@/components/ui/states";
import type { ExportTarget, GtVersionDto, ItemPage } from "@/lib/projects/schemas";
import { ItemCard } from "./item-card";
import { fetchItems, ITEMS_PER_PAGE, projectKeys } from "./project-api";

const NOUNS: Record<ExportTarget, [string, string]> = {
  task: ["task", "tasks"],
  assignment: ["assignment", "assignments"],
  ground_truth: ["ground-truth event", "ground-truth events"],
};

type Props = { projectId: number; kind: ExportTarget; versions?: GtVersionDto[]; initialPage?: ItemPage };

/** A page of one kind of item at a time, with its thumbnails; ground truth one version at a time. */
export function ItemBrowser({ projectId, kind, versions = [], initialPage }: Props) {
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState<number | null>(versions[0]?.id ?? null);
  const selectId = useId();
  const query = useQuery({
    queryKey: projectKeys.items(projectId, kind, version, page),
    queryFn: () => fetchItems(projectId, kind, version, page),
    initialData: page === 1 && initialPage ? initialPage : undefined,
    placeholderData: keepPreviousData,
    // An import never changes afterwards: a page read once stays right.
    staleTime: 5 * 60_000,
  });
  const [one, many] = NOUNS[kind];
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / ITEMS_PER_PAGE)) : 1;
  const first = data && data.total ? (data.page - 1) * ITEMS_PER_PAGE + 1 : 0;
  const last = data ? Math.min(data.total, data.page * ITEMS_PER_PAGE) : 0;
  const versionName = versions.find((v) => v.id === version)?.name;

  if (kind === "ground_truth" && !versions.length) {
    return <EmptyState title="No ground truth" detail="This project has no ground-truth versions: its import named none." />;
  }
  return (
    <div className="space-y-4" aria-busy={query.isFetching}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        {kind === "ground_truth" ? (
          <div className="text-sm">
            <label htmlFor={selectId} className="font-medium">
              Version
            </label>
            <select
              id={selectId}
              value={version ?? ""}
              onChange={(event) => {
                setVersion(Number(event.target.value));
                setPage(1);
              }}
              className={`${inputClass} w-auto min-w-48`}
            >
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name} ({v.events.toLocaleString("en")} events)
                </option>
              ))}
            </select>
          </div>
        ) : (
          <span />
        )}
        {data && data.total > 0 && (
          <p className="text-sm tabular-nums text-zinc-600 dark:text-zinc-400" aria-live="polite" data-testid="item-range">
            {first.toLocaleString("en")}–{last.toLocaleString("en")} of {data.total.toLocaleString("en")} {data.total === 1 ? one : many}
          </p>
        )}
      </div>
      {query.isError && !data ? (
        <ErrorState title={`The ${many} could not be loaded`} detail={query.error.message} onRetry={() => query.refetch()} />
      ) : !data ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-label={`Loading ${many}`}>
          {Array.from({ length: 8 }, (_, i) => (
            <li key={i} className="h-60 animate-pulse rounded-xl bg-zinc-200/70 dark:bg-zinc-800/70" />
          ))}
        </ul>
      ) : data.total === 0 ? (
        <EmptyState title={`No ${many}`} detail={`This ${kind === "ground_truth" ? "version" : "project"} has no ${many}.`} />
      ) : (
        <ul
          className={`grid grid-cols-2 gap-3 transition-opacity sm:grid-cols-3 lg:grid-cols-4 ${query.isPlaceholderData ? "opacity-60" : ""}`}
          aria-label={many}
        >
          {data.items.map((item) => (
            <ItemCard key={item.id} item={item} versionName={versionName} />
          ))}
        </ul>
      )}
      {query.isError && data && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          That page could not be loaded: {query.error.message}
        </p>
      )}
      {pages > 1 && (
        <nav aria-label={`${many} pages`} className="flex items-center justify-center gap-3">
          <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            ← Previous
          </Button>
          <span className="text-sm tabular-nums text-zinc-600 dark:text-zinc-400">
            Page {page} of {pages}
          </span>
          <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Next →
          </Button>
        </nav>
      )}
    </div>
  );
}
