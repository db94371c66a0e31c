"use client";

import { useRouter } from "next/navigation";
import type { VersionSummary } from "@/lib/registry/schemas";

type Props = { code: string; versions: VersionSummary[]; selected: string; latest: string | null };

export function VersionSelect({ code, versions, selected, latest }: Props) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
      Version
      <select
        aria-label="Version"
        value={selected}
        onChange={(event) => router.push(`/plugins/${code}?version=${encodeURIComponent(event.target.value)}`)}
        className="rounded-lg border border-zinc-300 bg-white px-2 py-1.5 font-mono text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {v.version}
            {v.version === latest ? " (latest)" : ""}
            {v.debug ? " (debug)" : ""}
            {v.yanked ? " (yanked)" : ""}
          </option>
        ))}
      </select>
    </label>
  );
}
