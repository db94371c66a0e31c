export default function Loading() {
  return (
    <div className="space-y-6" aria-busy aria-label="Loading the files">
      <div className="h-20 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />
      <div className="grid gap-4 lg:grid-cols-[minmax(16rem,24rem)_minmax(0,1fr)]">
        <div className="h-72 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />
        <div className="h-72 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />
      </div>
    </div>
  );
}
