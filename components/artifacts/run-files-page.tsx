"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { StatusBadge } from "@/components/runs/status-badge";
import { fetchRun, runKeys } from "@/lib/runs/client/api";
import { isTerminal, type RunDto } from "@/lib/runs/schemas";
import { RunFiles } from "./run-files";
import { useRunArtifacts } from "./use-run-artifacts";

type RunFacts = Pick<RunDto, "id" | "plugin" | "version" | "action" | "status" | "finishedAt">;

/** The result page on its own (`/runs/{id}/files`): what a share link opens, and a bookmarkable view for the team. */
export function RunFilesPage({ run, share }: { run: RunFacts; share?: string }) {
  // Signed in, the status follows the run (so the page stops polling when it ends); a share link cannot read the run.
  const live = useQuery({
    queryKey: runKeys.detail(run.id),
    queryFn: () => fetchRun(run.id),
    enabled: !share && !isTerminal(run.status),
    refetchInterval: (q) => (q.state.data && isTerminal(q.state.data.status) ? false : 3000),
  });
  // The files list carries the run's status: all a share link can learn (the same query RunFiles reads).
  const files = useRunArtifacts(run.id, run.status, { share });
  const status = live.data?.status ?? files.data?.runStatus ?? run.status;
  return (
    <div className="space-y-6">
      <header className="flex flex-col gap-2 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{share ? "Shared result" : "Result"}</p>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="min-w-0 break-words text-2xl font-semibold tracking-tight">
            {run.plugin}
            <span className="text-zinc-400"> · </span>
            {run.action}
          </h1>
          <StatusBadge status={status} />
        </div>
        <p className="font-mono text-xs text-zinc-500">
          v{run.version} · run {run.id}
          {!share && (
            <>
              {" · "}
              <Link href={`/runs/${run.id}`} className="font-sans text-brand-600 hover:underline dark:text-brand-500">
                Open the run (logs, metrics, params)
              </Link>
            </>
          )}
        </p>
      </header>
      <RunFiles runId={run.id} status={status} share={share} liveKey={status} />
    </div>
  );
}
