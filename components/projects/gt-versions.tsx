import Link from "next/link";
import { formatDate } from "@/lib/format";
import type { GtVersionDto } from "@/lib/projects/schemas";

/** The project's ground-truth versions, newest first, each with its event count and an export link. */
export function GtVersions({ projectId, versions }: { projectId: number; versions: GtVersionDto[] }) {
  if (!versions.length) return <p className="text-sm text-zinc-500">No ground-truth versions.</p>;
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Ground-truth versions">
      {versions.map((v) => (
        <li key={v.id} data-version-id={v.id} className="flex items-start justify-between gap-3 py-2 first:pt-0 last:pb-0">
          <div className="min-w-0">
            <p className="text-sm font-medium">
              {v.name} <span className="font-mono text-xs font-normal text-zinc-500">#{v.id}</span>
            </p>
            {v.description && <p className="text-xs text-zinc-600 dark:text-zinc-400">{v.description}</p>}
            <p className="text-xs text-zinc-500">
              <span className="tabular-nums">{v.events.toLocaleString("en")}</span> {v.events === 1 ? "event" : "events"} · {formatDate(v.createdAt)}
            </p>
          </div>
          <Link
            href={`/projects/${projectId}/export?target=ground_truth&version=${v.id}`}
            className="shrink-0 rounded-md px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50 dark:text-brand-100 dark:hover:bg-brand-700/20"
            aria-label={`Export ground truth ${v.name}`}
          >
            Export
          </Link>
        </li>
      ))}
    </ul>
  );
}
