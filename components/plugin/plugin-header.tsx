import { Button } from "@/components/ui/button";
import { formatBytes, formatDate } from "@/lib/format";
import type { PluginDetail, VersionDetail } from "@/lib/registry/schemas";
import { CategoryBadge } from "./category-badge";
import { DebugBadge } from "./debug-badge";
import { VersionSelect } from "./version-select";

export function PluginHeader({ plugin, selected }: { plugin: PluginDetail; selected: VersionDetail }) {
  return (
    <section className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight">{selected.name}</h1>
            <CategoryBadge category={selected.category} />
            {selected.debug && <DebugBadge />}
          </div>
          <p className="font-mono text-sm text-zinc-500">{plugin.code}</p>
          <p className="max-w-2xl text-zinc-700 dark:text-zinc-300">{selected.description}</p>
        </div>
        <div className="flex shrink-0 flex-col items-stretch gap-2 sm:items-end">
          <VersionSelect code={plugin.code} versions={plugin.versions} selected={selected.version} latest={plugin.latestVersion} />
          <Button href={selected.downloadUrl} download>
            <svg aria-hidden viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M12 3v12m0 0-4-4m4 4 4-4M4 17v3h16v-3" />
            </svg>
            Download v{selected.version}
          </Button>
          <p className="text-xs text-zinc-500">
            {selected.format} · {formatBytes(selected.sizeBytes)} · {formatDate(selected.createdAt)}
          </p>
        </div>
      </div>
      {selected.debug && (
        <p
          role="status"
          className="mt-4 rounded-lg border border-violet-300 bg-violet-50 px-3 py-2 text-sm text-violet-900 dark:border-violet-800 dark:bg-violet-950/50 dark:text-violet-200"
        >
          Version {selected.version} is a debug release, last replaced {formatDate(selected.updatedAt)}: publishing it again replaces it, it is never offered as
          the latest version nor listed in the catalog, and it is removed after a while. Its runs stay.
        </p>
      )}
      {selected.yanked && (
        <p
          role="status"
          className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
        >
          Version {selected.version} was yanked{selected.yankReason ? `: ${selected.yankReason}` : "."} It can still be downloaded but is not offered as the
          latest version.
        </p>
      )}
    </section>
  );
}
