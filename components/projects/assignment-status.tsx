const STYLES: Record<string, { badge: string; bar: string }> = {
  pending: { badge: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300", bar: "bg-zinc-400 dark:bg-zinc-500" },
  in_progress: { badge: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300", bar: "bg-sky-500" },
  submitted: { badge: "bg-brand-100 text-brand-700 dark:bg-brand-700/30 dark:text-brand-100", bar: "bg-brand-600" },
  approved: { badge: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300", bar: "bg-emerald-500" },
  rejected: { badge: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300", bar: "bg-red-500" },
};
const ORDER = ["approved", "submitted", "in_progress", "pending", "rejected"];
const style = (status: string) => STYLES[status] ?? STYLES.pending;
const rank = (status: string) => (ORDER.includes(status) ? ORDER.indexOf(status) : ORDER.length);
export const statusLabel = (status: string) => status.replace(/_/g, " ");

export function AssignmentStatusBadge({ status }: { status: string }) {
  return <span className={`inline-flex shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${style(status).badge}`}>{statusLabel(status)}</span>;
}

/** Assignments per status: one stacked bar and its legend with the counts. */
export function AssignmentStatuses({ statuses }: { statuses: Record<string, number> }) {
  const entries = Object.entries(statuses).sort(([a], [b]) => rank(a) - rank(b));
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (!total) return <p className="text-sm text-zinc-500">No assignments.</p>;
  return (
    <div className="space-y-3">
      <div className="flex h-2.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800" aria-hidden>
        {entries.map(([status, n]) => (
          <div key={status} className={style(status).bar} style={{ width: `${(n / total) * 100}%` }} />
        ))}
      </div>
      <ul className="space-y-1.5 text-sm" aria-label="Assignments per status">
        {entries.map(([status, n]) => (
          <li key={status} data-status={status} className="flex items-center justify-between gap-3">
            <span className="flex items-center gap-2">
              <span aria-hidden className={`size-2.5 rounded-full ${style(status).bar}`} />
              <span className="first-letter:uppercase">{statusLabel(status)}</span>
            </span>
            <span className="tabular-nums text-zinc-600 dark:text-zinc-400">{n.toLocaleString("en")}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
