"use client";

import { DebugBadge } from "@/components/plugin/debug-badge";
import Link from "next/link";
import { formatRelative } from "@/lib/format";
import { formatDuration, runDuration } from "@/lib/runs/client/format-duration";
import { useIsClient, useNow } from "@/lib/runs/client/use-now";
import { isTerminal, type RunDto } from "@/lib/runs/schemas";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "./status-badge";

/** Runs as rows on a wide screen and as cards on a phone; each opens its run page. */
export function RunsTable({ runs }: { runs: RunDto[] }) {
  const live = useNow(runs.some((run) => !isTerminal(run.status)));
  // Relative times and live durations follow the reader's clock: the browser renders them.
  const now = useIsClient() ? live : null;
  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div aria-hidden className={`hidden border-b border-zinc-200 px-4 py-2 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800 ${COLUMNS}`}>
        <span>Status</span>
        <span>Run</span>
        <span>Launched by</span>
        <span>Created</span>
        <span>Duration</span>
      </div>
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {runs.map((run) => (
          <RunRow key={run.id} run={run} now={now} />
        ))}
      </ul>
    </div>
  );
}

const COLUMNS = "sm:grid sm:grid-cols-[7rem_minmax(0,1fr)_8rem_7rem_6rem] sm:items-center sm:gap-4";

function RunRow({ run, now }: { run: RunDto; now: number | null }) {
  const duration = now === null && !run.finishedAt ? null : runDuration(run, now ?? 0);
  const created = now === null ? "" : formatRelative(run.createdAt, now);
  const live = !isTerminal(run.status);
  return (
    <li data-run-id={run.id} data-status={run.status} className="relative px-4 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
      <div className={`flex flex-col gap-2 ${COLUMNS}`}>
        <div className="flex items-center justify-between gap-2 sm:block">
          <StatusBadge status={run.status} />
          <span className="text-xs text-zinc-500 sm:hidden">{created}</span>
        </div>
        <div className="min-w-0">
          {/* The link covers the whole row (after:absolute), so the row is one click target. */}
          <Link href={`/runs/${run.id}`} className="block truncate font-medium after:absolute after:inset-0 hover:underline">
            {run.plugin} <span className="text-zinc-400">·</span> {run.action}
          </Link>
          <p className="truncate text-xs text-zinc-500">
            v{run.version}
            {run.debug && <DebugBadge className="ml-1" />}
            {run.backend === "ray" ? " · on Ray" : ""}
            {run.error && run.status === "failed" ? ` · ${run.error}` : ""}
          </p>
          {live && run.progress?.overall != null && (
            <div className="mt-1.5 max-w-xs">
              <ProgressBar compact label={`${run.plugin} ${run.action} progress`} percent={run.progress.overall} />
            </div>
          )}
        </div>
        <div className="flex gap-3 text-sm text-zinc-600 sm:contents dark:text-zinc-400">
          <span className="truncate">{run.launchedBy?.name ?? "—"}</span>
          <span className="hidden sm:block" title={run.createdAt}>
            {created}
          </span>
          <span className="tabular-nums">{duration === null ? "—" : formatDuration(duration)}</span>
        </div>
      </div>
    </li>
  );
}
