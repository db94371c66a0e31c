import { formatBytes } from "@/lib/format";
import type { Artifact } from "@/lib/runs/client/run-live-state";

export function ArtifactsList({ artifacts }: { artifacts: Artifact[] }) {
  return (
    <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {artifacts.map((artifact, index) => (
        <li key={`${artifact.sha256}-${index}`} className="flex items-center justify-between gap-4 px-4 py-2.5 text-sm">
          <span className="min-w-0 truncate font-mono">{artifact.name}</span>
          <span className="shrink-0 text-xs text-zinc-500" title={artifact.sha256}>
            {formatBytes(artifact.size)}
          </span>
        </li>
      ))}
    </ul>
  );
}
