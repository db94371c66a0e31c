"use client";

import Link from "next/link";
import { StatusBadge } from "@/components/runs/status-badge";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { archiveUrl } from "@/lib/artifacts/client/api";
import type { ExportDto } from "@/lib/exports/schemas";
import { formatBytes, formatRelative } from "@/lib/format";
import { useIsClient, useNow } from "@/lib/runs/client/use-now";
import { isTerminal } from "@/lib/runs/schemas";

const TARGET_LABELS: Record<string, string> = { assignment: "Assignments", ground_truth: "Ground truth", task: "Tasks" };
const COLUMNS = "md:grid md:grid-cols-[7rem_minmax(0,1.6fr)_minmax(0,1fr)_minmax(0,1fr)_6rem_11.5rem] md:items-center md:gap-4";

/** Export runs as rows on a wide screen and cards on a phone: what, from where, how big, and the zip. */
export function ExportsTable({ exports }: { exports: ExportDto[] }) {
  const live = useNow(exports.some((e) => !isTerminal(e.status)));
  const now = useIsClient() ? live : null;
  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div aria-hidden className={`hidden border-b border-zinc-200 px-4 py-2 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800 ${COLUMNS}`}>
        <span>Status</span>
        <span>Export</span>
        <span>Target</span>
        <span>Project</span>
        <span>Size</span>
        <span className="sr-only">Download</span>
      </div>
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {exports.map((e) => (
          <ExportRow key={e.runId} item={e} now={now} />
        ))}
      </ul>
    </div>
  );
}

function ExportRow({ item, now }: { item: ExportDto; now: number | null }) {
  const running = !isTerminal(item.status);
  const downloadable = item.files - item.failed > 0;
  const target = item.target ? (TARGET_LABELS[item.target] ?? item.target) : null;
  return (
    <li data-run-id={item.runId} data-status={item.status} className="px-4 py-3">
      <div className={`flex flex-col gap-2 ${COLUMNS}`}>
        <div className="flex items-center justify-between gap-2 md:block">
          <StatusBadge status={item.status} />
          <span className="text-xs text-zinc-500 md:hidden">{now === null ? "" : formatRelative(item.createdAt, now)}</span>
        </div>
        <div className="min-w-0">
          <Link href={`/runs/${item.runId}/files`} className="block truncate font-medium hover:underline">
            {item.name ?? `${item.plugin} · ${item.action}`}
          </Link>
          <p className="truncate text-xs text-zinc-500">
            {item.name ? `${item.plugin} · ` : ""}v{item.version}
            {item.launchedBy ? ` · ${item.launchedBy.name}` : ""}
            <span className="hidden md:inline" title={item.createdAt}>
              {now === null ? "" : ` · ${formatRelative(item.createdAt, now)}`}
            </span>
          </p>
          {running && item.progress !== null && (
            <div className="mt-1.5 max-w-xs">
              <ProgressBar compact label={`${item.plugin} export progress`} percent={item.progress} />
            </div>
          )}
          {item.status === "failed" && item.error && <p className="mt-1 truncate text-xs text-red-700 dark:text-red-400">{item.error}</p>}
        </div>
        <Fact label="Target">
          {target ?? <span className="text-zinc-400">—</span>}
          {item.groundTruthVersion && <span className="text-zinc-500"> · {item.groundTruthVersion.name ?? `version #${item.groundTruthVersion.id}`}</span>}
        </Fact>
        <Fact label="Project">
          {item.project ? (
            <Link href={`/projects/${item.project.id}`} className="hover:underline">
              {item.project.name ?? `#${item.project.id}`}
              {item.project.name === null && <span className="text-zinc-400"> (gone)</span>}
            </Link>
          ) : (
            <span className="text-zinc-400">—</span>
          )}
        </Fact>
        <Fact label="Size">
          <span className="tabular-nums">{item.files > 0 ? formatBytes(item.bytes) : "—"}</span>
          <span className="block text-xs text-zinc-500">
            {item.files.toLocaleString("en")} {item.files === 1 ? "file" : "files"}
            {item.failed > 0 && <span className="text-red-700 dark:text-red-400"> · {item.failed.toLocaleString("en")} failed</span>}
          </span>
        </Fact>
        <div className="flex gap-2 md:justify-end">
          <Button
            variant="ghost"
            size="sm"
            href={`/runs/${item.runId}/files`}
            aria-label={`Open the files of ${item.name ?? item.plugin}`}
            className="whitespace-nowrap"
          >
            Open
          </Button>
          {downloadable && (
            <Button
              variant="secondary"
              size="sm"
              href={archiveUrl(item.runId)}
              download
              aria-label={`Download ${item.name ?? item.plugin} (.zip)`}
              className="whitespace-nowrap"
            >
              Download .zip
            </Button>
          )}
        </div>
      </div>
    </li>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0 truncate text-sm text-zinc-700 dark:text-zinc-300">
      <span className="mr-1 text-xs text-zinc-500 md:hidden">{label}:</span>
      {children}
    </div>
  );
}
