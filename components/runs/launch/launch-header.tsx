import Link from "next/link";
import type { ActionDto, PluginDetail, VersionDetail } from "@/lib/registry/schemas";
import { DebugBadge } from "@/components/plugin/debug-badge";
import { VersionPicker } from "./version-picker";

type Props = { plugin: PluginDetail; selected: VersionDetail; action: Pick<ActionDto, "name"> & Partial<ActionDto>; versions: string[] };

/** What is about to run: plugin, version (switchable), action and what the action does. */
export function LaunchHeader({ plugin, selected, action, versions }: Props) {
  return (
    <section className="space-y-3 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <p className="text-sm text-zinc-500">
        <Link href={`/plugins/${plugin.code}?version=${encodeURIComponent(selected.version)}`} className="hover:underline">
          {selected.name}
        </Link>{" "}
        <span className="font-mono">· {plugin.code}</span>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">
          Run <span className="font-mono">{action.name}</span>
          {selected.debug && <DebugBadge className="ml-2 align-middle" />}
        </h1>
        <VersionPicker code={plugin.code} action={action.name} versions={versions} selected={selected.version} latest={plugin.latestVersion} />
      </div>
      {action.description && <p className="text-zinc-700 dark:text-zinc-300">{action.description}</p>}
      {action.method && (
        <p className="text-xs text-zinc-500">
          Runs as a <span className="font-mono">{action.method}</span>
          {action.method === "serve" ? ": a long-lived service you can call once it is up." : "."}
        </p>
      )}
      {selected.yanked && (
        <p
          role="status"
          className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
        >
          Version {selected.version} was yanked{selected.yankReason ? `: ${selected.yankReason}` : "."}
        </p>
      )}
    </section>
  );
}
