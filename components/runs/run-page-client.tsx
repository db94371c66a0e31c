"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "@/components/ui/states";
import { fetchRun, runKeys, runLogsUrl } from "@/lib/runs/client/api";
import { useRunLive } from "@/lib/runs/client/use-run-live";
import type { RunDto } from "@/lib/runs/schemas";
import Link from "next/link";
import { RunFiles } from "@/components/artifacts/run-files";
import { useRunArtifacts } from "@/components/artifacts/use-run-artifacts";
import { Gallery } from "./gallery";
import { JsonBlock } from "./json-block";
import { LogViewer } from "./log-viewer";
import { MetricsPanel } from "./metrics-panel";
import { RunHeader } from "./run-header";
import { RunProgress } from "./run-progress";
import { Tabs, type Tab } from "@/components/ui/tabs";
import { ServePanel } from "./serve-panel";
import { isTerminal } from "@/lib/runs/schemas";
import { TrialsTable } from "./trials-table";

export function RunPageClient({ initialRun }: { initialRun: RunDto }) {
  const id = initialRun.id;
  const query = useQuery({
    queryKey: runKeys.detail(id),
    queryFn: () => fetchRun(id),
    initialData: initialRun,
  });
  const { state, snapshot, error: liveError } = useRunLive(id);

  const run = query.data;
  // The stream is newer than the last GET until the GET is read again after a status change.
  const status = snapshot.status ?? run.status;
  const progress = snapshot.progress ?? run.progress;
  const result = snapshot.hasResult ? snapshot.result : run.result;
  const error = snapshot.error ?? run.error;
  // Each `artifact` event (and the end of the run) reads the file list again.
  const filesKey = `${snapshot.artifacts.length}:${status}`;
  const files = useRunArtifacts(id, status, { liveKey: filesKey, eventDriven: true });
  const tabs: Tab[] = [
    { id: "logs", label: "Logs", count: snapshot.logCount, content: <LogViewer log={state.log} count={snapshot.logCount} downloadUrl={runLogsUrl(run.id)} /> },
    {
      id: "metrics",
      label: "Metrics",
      count: snapshot.seriesCount || undefined,
      content: <MetricsPanel series={state.series.list} points={snapshot.seriesPoints} latest={snapshot.metrics ?? run.metrics} />,
    },
    {
      id: "result",
      label: "Result",
      content:
        result === null || result === undefined ? (
          <EmptyState title="No result yet" detail="The result appears here when the run finishes and reports one." />
        ) : (
          <JsonBlock label="Result" value={result} />
        ),
    },
    { id: "params", label: "Params", content: <JsonBlock label="Params" value={run.params} /> },
  ];
  if (snapshot.trials) tabs.push({ id: "trials", label: "Trials", count: snapshot.trials.rows.length, content: <TrialsTable trials={snapshot.trials} /> });
  if (snapshot.images.length > 0) tabs.push({ id: "gallery", label: "Gallery", count: snapshot.images.length, content: <Gallery images={snapshot.images} /> });
  tabs.push({
    id: "files",
    label: "Files",
    count: files.data?.summary.files || undefined,
    content: (
      <div className="space-y-3">
        <RunFiles runId={id} status={status} liveKey={filesKey} eventDriven />
        <p className="text-right text-xs">
          <Link href={`/runs/${id}/files`} className="text-brand-600 hover:underline dark:text-brand-500">
            Open the files as their own page
          </Link>
        </p>
      </div>
    ),
  });

  return (
    <div className="space-y-6">
      <RunHeader run={run} status={status} error={error} />
      {liveError && (
        <p
          role="alert"
          className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
        >
          Live updates stopped: {liveError.message}. Reload the page to try again.
        </p>
      )}
      <section aria-label="Progress" className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <RunProgress progress={progress} status={status} />
      </section>
      {/* Kept mounted until the run ends: a live view that re-reads its events passes through earlier
          statuses, and unmounting would reload the embedded UI and lose what the person did in it. */}
      {run.serveUrl && !isTerminal(status) && <ServePanel url={run.serveUrl} action={run.action} />}
      <Tabs tabs={tabs} label="Run details" />
    </div>
  );
}
