"use client";

import { DebugBadge } from "@/components/plugin/debug-badge";
import Link from "next/link";
import { formatDuration, runDuration } from "@/lib/runs/client/format-duration";
import { useIsClient, useNow } from "@/lib/runs/client/use-now";
import { isTerminal, type RunDto, type RunStatus } from "@/lib/runs/schemas";
import { RunActions } from "./run-actions";
import { StatusBadge } from "./status-badge";

const formatTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString("en", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false }) : "—";

export function RunHeader({ run, status, error }: { run: RunDto; status: RunStatus; error: string | null }) {
  const now = useNow(!isTerminal(status) && run.startedAt !== null);
  const client = useIsClient();
  const duration = runDuration(isTerminal(status) ? run : { ...run, finishedAt: null }, now);
  const time = (iso: string | null) => (client ? formatTime(iso) : "…");
  return (
    <section className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="min-w-0 break-words text-2xl font-semibold tracking-tight">
              <Link href={`/plugins/${run.plugin}?version=${encodeURIComponent(run.version)}`} className="hover:underline">
                {run.plugin}
              </Link>
              <span className="text-zinc-400"> · </span>
              {run.action}
            </h1>
            <StatusBadge status={status} />
          </div>
          <p className="font-mono text-xs text-zinc-500">
            v{run.version}
            {run.debug && <DebugBadge className="ml-1.5" />} · {run.method} · run {run.id}
          </p>
        </div>
        <RunActions run={run} status={status} />
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Fact term="Launched by">{run.launchedBy?.name ?? "—"}</Fact>
        <Fact term="Backend">{run.backend}</Fact>
        <Fact term="Created">{time(run.createdAt)}</Fact>
        <Fact term="Started">{time(run.startedAt)}</Fact>
        <Fact term="Finished">{isTerminal(status) ? time(run.finishedAt) : "—"}</Fact>
        <Fact term="Duration">
          <span data-testid="run-duration" className="tabular-nums">
            {duration === null ? "—" : client ? formatDuration(duration) : "…"}
          </span>
        </Fact>
      </dl>
      {error && (status === "failed" || status === "cancelled") && (
        <p
          role="status"
          className="mt-4 whitespace-pre-wrap break-words rounded-lg border border-red-200 bg-red-50 px-3 py-2 font-mono text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
        >
          {error}
          {run.exitCode !== null && ` (exit code ${run.exitCode})`}
        </p>
      )}
    </section>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{term}</dt>
      <dd className="truncate text-zinc-800 dark:text-zinc-200">{children}</dd>
    </div>
  );
}
