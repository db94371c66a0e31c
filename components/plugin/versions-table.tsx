"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { DebugBadge } from "./debug-badge";
import { yankVersion } from "@/lib/api/registry";
import { formatBytes, formatDate } from "@/lib/format";
import type { VersionSummary } from "@/lib/registry/schemas";

type Props = { code: string; versions: VersionSummary[]; selected: string; latest: string | null; canYank: boolean };

export function VersionsTable({ code, versions, selected, latest, canYank }: Props) {
  const router = useRouter();
  const yank = useMutation({
    mutationFn: ({ version, yanked }: { version: string; yanked: boolean }) => yankVersion(code, version, yanked),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      {yank.isError && (
        <p role="alert" className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-700 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300">
          {yank.error.message}
        </p>
      )}
      <table className="w-full text-left text-sm">
        <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800">
          <tr>
            <th className="px-4 py-2 font-medium">Version</th>
            <th className="px-4 py-2 font-medium">Published</th>
            <th className="px-4 py-2 font-medium">Size</th>
            <th className="px-4 py-2 font-medium">SHA-256</th>
            <th className="px-4 py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {versions.map((v) => (
            <tr key={v.version} className={v.version === selected ? "bg-brand-50/60 dark:bg-brand-700/10" : undefined} data-version={v.version}>
              <td className="px-4 py-2.5">
                <Link href={`/plugins/${code}?version=${encodeURIComponent(v.version)}`} className="font-mono font-medium hover:underline">
                  {v.version}
                </Link>
                {v.version === latest && (
                  <span className="ml-2 rounded-full bg-green-100 px-1.5 py-0.5 text-xs text-green-800 dark:bg-green-950 dark:text-green-300">latest</span>
                )}
                {v.debug && <DebugBadge className="ml-2" />}
                {v.yanked && (
                  <span className="ml-2 rounded-full bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800 dark:bg-amber-950 dark:text-amber-300">yanked</span>
                )}
              </td>
              <td className="px-4 py-2.5 text-zinc-600 dark:text-zinc-400">{formatDate(v.debug ? v.updatedAt : v.createdAt)}</td>
              <td className="px-4 py-2.5 tabular-nums text-zinc-600 dark:text-zinc-400">
                {formatBytes(v.sizeBytes)} <span className="text-xs">({v.format})</span>
              </td>
              <td className="px-4 py-2.5">
                <button
                  type="button"
                  title="Copy SHA-256"
                  onClick={() => navigator.clipboard?.writeText(v.sha256)}
                  className="font-mono text-xs text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"
                  data-sha256={v.sha256}
                >
                  {v.sha256.slice(0, 12)}…
                </button>
              </td>
              <td className="px-4 py-2.5">
                <div className="flex justify-end gap-2">
                  <Button size="sm" variant="secondary" href={v.downloadUrl} download aria-label={`Download ${v.version}`}>
                    Download
                  </Button>
                  {canYank && !v.debug && (
                    <Button
                      size="sm"
                      variant={v.yanked ? "ghost" : "danger"}
                      disabled={yank.isPending}
                      onClick={() => {
                        if (v.yanked || confirm(`Yank ${code}@${v.version}? It stays downloadable but is no longer offered as latest.`)) {
                          yank.mutate({ version: v.version, yanked: !v.yanked });
                        }
                      }}
                    >
                      {v.yanked ? "Restore" : "Yank"}
                    </Button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
