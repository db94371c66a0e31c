import type { RunStatus } from "@/lib/runs/schemas";

const STYLES: Record<RunStatus, string> = {
  queued: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  starting: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  running: "bg-brand-100 text-brand-700 dark:bg-brand-700/30 dark:text-brand-100",
  succeeded: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  cancelled: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
};

export function StatusBadge({ status }: { status: RunStatus }) {
  const live = status === "running" || status === "starting";
  return (
    <span data-testid="run-status" className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status]}`}>
      {live && <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-current" />}
      {status}
    </span>
  );
}
