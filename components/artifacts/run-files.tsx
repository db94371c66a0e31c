"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { archiveUrl } from "@/lib/artifacts/client/api";
import { buildTree, firstFile } from "@/lib/artifacts/client/file-tree";
import type { ArtifactSummary } from "@/lib/artifacts/schemas";
import { formatBytes } from "@/lib/format";
import { isTerminal, type RunStatus } from "@/lib/runs/schemas";
import { FilePreview } from "./file-preview";
import { FileTreeView } from "./file-tree-view";
import { ShareButton } from "./share-button";
import { useRunArtifacts } from "./use-run-artifacts";

type Props = {
  runId: string;
  status: RunStatus;
  /** Opened through a share link: every request carries it, and there is no share button (no account). */
  share?: string;
  liveKey?: string | number;
  /** The run's events drive `liveKey` (the run page), so polling is only a safety net. */
  eventDriven?: boolean;
};

/** A run's result: its files as a tree with totals, a preview of the selected one, the zip and a share link. */
export function RunFiles({ runId, status, share, liveKey, eventDriven }: Props) {
  const query = useRunArtifacts(runId, status, { share, liveKey, eventDriven });
  const items = query.data?.items;
  const tree = useMemo(() => buildTree(items ?? []), [items]);
  const [chosen, setChosen] = useState<string | null>(null);
  // Until someone picks a file, the first one that can be previewed is shown.
  const fallback = firstFile(tree)?.path ?? items?.[0]?.path;
  const selected = items?.find((a) => a.path === chosen) ?? items?.find((a) => a.path === fallback);

  if (query.isError && !query.data) return <ErrorState title="The files could not be loaded" detail={query.error.message} onRetry={() => query.refetch()} />;
  if (query.isPending) return <div className="h-64 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" aria-label="Loading the files" />;
  const { summary } = query.data;
  if (summary.files === 0)
    return isTerminal(status) ? (
      <EmptyState
        title="No files"
        detail="This run produced no files. Files a plugin saves (ctx.save_artifact, an exporter's output folder) are listed here."
      />
    ) : (
      <EmptyState title="No files yet" detail="Files appear here as the run uploads them; this page follows it live." />
    );

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Totals summary={summary} live={!isTerminal(status)} />
        <div className="flex flex-wrap gap-2">
          {summary.uploaded > 0 && (
            <Button href={archiveUrl(runId, share)} download aria-label={`Download all (.zip, ${formatBytes(summary.bytes)})`}>
              <svg aria-hidden viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
                <path d="M12 3v12m0 0-4-4m4 4 4-4M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
              </svg>
              Download all (.zip) <span className="font-normal opacity-80">· {formatBytes(summary.bytes)}</span>
            </Button>
          )}
          {!share && <ShareButton runId={runId} />}
        </div>
      </div>
      {query.isError && (
        <p role="alert" className="text-sm text-amber-700 dark:text-amber-300">
          Could not refresh the list: {query.error.message}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(16rem,24rem)_minmax(0,1fr)]">
        <div className="max-h-[75vh] overflow-auto rounded-xl border border-zinc-200 bg-white p-2 dark:border-zinc-800 dark:bg-zinc-900">
          <FileTreeView root={tree} selected={selected?.path ?? null} onSelect={setChosen} />
        </div>
        <div className="min-w-0 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          {selected ? (
            <FilePreview key={selected.path} runId={runId} artifact={selected} share={share} />
          ) : (
            <p className="text-sm text-zinc-500">Pick a file to preview it.</p>
          )}
        </div>
      </div>
    </div>
  );
}

function Totals({ summary, live }: { summary: ArtifactSummary; live: boolean }) {
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400" data-testid="files-summary">
      <span>
        <strong className="font-semibold text-zinc-900 dark:text-zinc-100">{summary.files.toLocaleString("en")}</strong>{" "}
        {summary.files === 1 ? "file" : "files"}
      </span>
      <span>
        <strong className="font-semibold text-zinc-900 dark:text-zinc-100">{formatBytes(summary.bytes)}</strong> uploaded
      </span>
      {summary.failed > 0 && <span className="text-red-700 dark:text-red-400">{summary.failed.toLocaleString("en")} failed</span>}
      {summary.uploading > 0 && <span className="text-sky-700 dark:text-sky-300">{summary.uploading.toLocaleString("en")} uploading</span>}
      {live && (
        <span className="inline-flex items-center gap-1.5 text-xs">
          <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-emerald-500" />
          live
        </span>
      )}
    </p>
  );
}
