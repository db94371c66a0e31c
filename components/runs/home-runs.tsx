"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatRelative } from "@/lib/format";
import { fetchRunList, runKeys, type RunFilters } from "@/lib/runs/client/api";
import { useIsClient, useNow } from "@/lib/runs/client/use-now";
import type { RunDto, RunList } from "@/lib/runs/schemas";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "./status-badge";

const RUNNING: RunFilters = { status: "running" };
const FAILED: RunFilters = { status: "failed" };

/**
 * The home page's glance at the runs: what is running now and the latest failures, read on the server
 * for the first paint, then polled. It stays out of the catalog's way while there is nothing to show.
 */
export function HomeRuns({ initial }: { initial: { running: RunList; failed: RunList } }) {
  const running = useQuery({
    queryKey: [...runKeys.list(RUNNING), "home"],
    queryFn: () => fetchRunList(RUNNING, null, 5),
    initialData: initial.running,
    // Runs start and end at any time: a slow poll keeps the glance honest without a stream.
    refetchInterval: (q) => ((q.state.data?.items.length ?? 0) > 0 ? 3000 : 15_000),
    retry: false,
  });
  const failed = useQuery({
    queryKey: [...runKeys.list(FAILED), "home"],
    queryFn: () => fetchRunList(FAILED, null, 5),
    initialData: initial.failed,
    refetchInterval: 15_000,
    retry: false,
  });
  const ticking = useNow(true, 15_000);
  // "5 minutes ago" follows the reader's clock: the browser renders it.
  const now = useIsClient() ? ticking : null;
  const live = running.data?.items ?? [];
  const failures = failed.data?.items ?? [];
  if (live.length === 0 && failures.length === 0) return null;

  return (
    <section aria-label="Runs" className="grid gap-4 md:grid-cols-2">
      <Panel title="Running now" href="/runs?status=running" runs={live} now={now} empty="Nothing is running." />
      <Panel title="Recent failures" href="/runs?status=failed" runs={failures} now={now} empty="No failed runs." />
    </section>
  );
}

function Panel({ title, href, runs, now, empty }: { title: string; href: string; runs: RunDto[]; now: number | null; empty: string }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
        <h2 className="text-sm font-semibold">{title}</h2>
        <Link href={href} className="text-xs text-brand-600 hover:underline dark:text-brand-500">
          View all
        </Link>
      </div>
      {runs.length === 0 ? (
        <p className="px-4 py-3 text-sm text-zinc-500">{empty}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {runs.map((run) => (
            <CompactRow key={run.id} run={run} now={now} />
          ))}
        </ul>
      )}
    </div>
  );
}

function CompactRow({ run, now }: { run: RunDto; now: number | null }) {
  const percent = run.progress?.overall;
  return (
    <li data-run-id={run.id} className="relative flex items-center gap-3 px-4 py-2.5 hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
      <div className="min-w-0 flex-1">
        <Link href={`/runs/${run.id}`} className="block truncate text-sm font-medium after:absolute after:inset-0 hover:underline">
          {run.plugin} <span className="text-zinc-400">·</span> {run.action}
        </Link>
        <p className="truncate text-xs text-zinc-500">
          {[now === null ? null : formatRelative(run.startedAt ?? run.createdAt, now), run.launchedBy?.name].filter(Boolean).join(" · ")}
          {run.status === "failed" && run.error ? ` · ${run.error}` : ""}
        </p>
      </div>
      {run.status === "running" && percent != null ? (
        <div className="w-24 shrink-0">
          <ProgressBar compact label={`${run.plugin} ${run.action} progress`} percent={percent} />
        </div>
      ) : (
        <StatusBadge status={run.status} />
      )}
    </li>
  );
}
