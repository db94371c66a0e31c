"use client";

import type { ProjectItem } from "@/lib/projects/schemas";
import { AssignmentStatusBadge } from "./assignment-status";
import { boxesOf } from "./boxes";
import { Thumbnail } from "./thumbnail";

/** One task, assignment or ground-truth event: its primary file as a thumbnail, who and what, and its data. */
export function ItemCard({ item, versionName }: { item: ProjectItem; versionName?: string }) {
  const primary = item.files.find((f) => f.isPrimary) ?? item.files[0];
  const boxes = item.kind === "task" ? [] : boxesOf(item.data);
  const labels = [...new Set(boxes.map((b) => b.label).filter(Boolean))];
  return (
    <li
      data-item-id={item.id}
      data-kind={item.kind}
      className="flex flex-col rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <Thumbnail file={primary} boxes={boxes} alt={`${item.taskKey}${primary ? `: ${primary.fileName}` : ""}`} />
      <div className="flex flex-1 flex-col gap-1.5 p-3 text-sm">
        <div className="flex items-center justify-between gap-2">
          <span className="min-w-0 truncate font-medium" title={item.taskKey}>
            {item.taskKey}
          </span>
          <span className="shrink-0 font-mono text-xs text-zinc-500">#{item.id}</span>
        </div>
        {item.kind === "assignment" && (
          <div className="flex items-center justify-between gap-2 text-xs text-zinc-600 dark:text-zinc-400">
            <span className="truncate">{item.worker}</span>
            {item.status && <AssignmentStatusBadge status={item.status} />}
          </div>
        )}
        {item.kind === "ground_truth" && (
          <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">
            {item.category ?? "no category"}
            {versionName && <span className="text-zinc-400"> · {versionName}</span>}
          </p>
        )}
        {item.kind === "task" && (
          <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">
            {item.files.length === 1 ? "1 file" : `${item.files.length} files`}
            {primary && <span className="font-mono"> · {primary.fileName}</span>}
          </p>
        )}
        {boxes.length > 0 && (
          <p className="truncate text-xs text-zinc-500">
            {boxes.length === 1 ? "1 box" : `${boxes.length} boxes`}
            {labels.length > 0 && `: ${labels.join(", ")}`}
          </p>
        )}
        <details className="mt-auto text-xs">
          <summary className="cursor-pointer text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">Data</summary>
          <pre className="mt-1 max-h-48 overflow-auto rounded-md bg-zinc-100 p-2 font-mono text-[11px] leading-snug dark:bg-zinc-950">
            {JSON.stringify(item.data, null, 2)}
          </pre>
        </details>
      </div>
    </li>
  );
}
