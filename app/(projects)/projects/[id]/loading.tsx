export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading project">
      <div className="h-44 animate-pulse rounded-xl bg-zinc-200/70 dark:bg-zinc-800/70" />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="h-40 animate-pulse rounded-xl bg-zinc-200/70 dark:bg-zinc-800/70" />
        <div className="h-40 animate-pulse rounded-xl bg-zinc-200/70 dark:bg-zinc-800/70" />
      </div>
      <div className="h-96 animate-pulse rounded-xl bg-zinc-200/70 dark:bg-zinc-800/70" />
    </div>
  );
}
