"use client";

import { useRouter } from "next/navigation";

type Props = { code: string; action: string; versions: string[]; selected: string; latest: string | null };

/** Switches the launch form to another (non-yanked) version of the plugin. */
export function VersionPicker({ code, action, versions, selected, latest }: Props) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
      Version
      <select
        value={selected}
        onChange={(e) => router.push(`/plugins/${code}/run/${encodeURIComponent(action)}?version=${encodeURIComponent(e.target.value)}`)}
        className="rounded-lg border border-zinc-300 bg-white px-2 py-1.5 font-mono text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {versions.map((v) => (
          <option key={v} value={v}>
            {v}
            {v === latest ? " (latest)" : ""}
          </option>
        ))}
      </select>
    </label>
  );
}
