export function RunPageSkeleton() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading run">
      <div className="h-40 animate-pulse rounded-xl bg-zinc-200/70 dark:bg-zinc-800/70" />
      <div className="h-20 animate-pulse rounded-xl bg-zinc-200/70 dark:bg-zinc-800/70" />
      <div className="h-10 w-80 max-w-full animate-pulse rounded-lg bg-zinc-200/70 dark:bg-zinc-800/70" />
      <div className="h-96 animate-pulse rounded-xl bg-zinc-200/70 dark:bg-zinc-800/70" />
    </div>
  );
}
