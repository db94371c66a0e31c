import Link from "next/link";
import { CategoryBadge } from "@/components/plugin/category-badge";
import { formatRelative } from "@/lib/format";
import type { PluginSummary } from "@/lib/registry/schemas";

export function PluginGrid({ plugins }: { plugins: PluginSummary[] }) {
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {plugins.map((plugin) => (
        <li key={plugin.code}>
          <Link
            href={`/plugins/${plugin.code}`}
            className="group flex h-full flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm transition hover:border-brand-500 hover:shadow-md dark:border-zinc-800 dark:bg-zinc-900"
          >
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <h2 className="truncate font-semibold group-hover:text-brand-600 dark:group-hover:text-brand-100">{plugin.name}</h2>
                <p className="truncate font-mono text-xs text-zinc-500">{plugin.code}</p>
              </div>
              <CategoryBadge category={plugin.category} />
            </div>
            <p className="line-clamp-2 flex-1 text-sm text-zinc-600 dark:text-zinc-400">{plugin.description}</p>
            <div className="flex items-center justify-between text-xs text-zinc-500">
              <span className="font-mono">{plugin.latestVersion ? `v${plugin.latestVersion}` : "all versions yanked"}</span>
              <span title={plugin.updatedAt} suppressHydrationWarning>
                updated {formatRelative(plugin.updatedAt)}
              </span>
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function PluginGridSkeleton() {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Loading plugins">
      {Array.from({ length: 6 }, (_, i) => (
        <li key={i} className="h-36 animate-pulse rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" />
      ))}
    </ul>
  );
}
