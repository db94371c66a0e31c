/** A percent (0–100) bar with its label (an upload, a run, a step); `compact` for table rows. */
export function ProgressBar({ percent, label, detail, compact = false }: { percent: number; label: string; detail?: string; compact?: boolean }) {
  const value = Math.round(Math.min(100, Math.max(0, percent)));
  const bar = (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      className={`${compact ? "h-1.5" : "h-2"} overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800`}
    >
      <div className="h-full rounded-full bg-brand-600 transition-[width] duration-300" style={{ width: `${value}%` }} />
    </div>
  );
  if (compact) return bar;
  return (
    <div>
      <div className="mb-1 flex justify-between gap-3 text-xs text-zinc-600 dark:text-zinc-400">
        <span className="truncate">{label}</span>
        <span className="shrink-0 tabular-nums">
          {detail ? `${detail} · ` : ""}
          {value}%
        </span>
      </div>
      {bar}
    </div>
  );
}
