export function RunsListSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div
      aria-busy="true"
      aria-label="Loading runs"
      className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
    >
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="flex items-center gap-4 px-4 py-4">
          <div className="h-5 w-20 animate-pulse rounded-full bg-zinc-200/70 dark:bg-zinc-800/70" />
          <div className="h-4 flex-1 animate-pulse rounded bg-zinc-200/70 dark:bg-zinc-800/70" />
          <div className="hidden h-4 w-24 animate-pulse rounded bg-zinc-200/70 sm:block dark:bg-zinc-800/70" />
        </div>
      ))}
    </div>
  );
}
