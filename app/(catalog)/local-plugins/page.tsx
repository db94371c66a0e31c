import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DebugBadge } from "@/components/plugin/debug-badge";
import { EmptyState } from "@/components/ui/states";
import { currentUser } from "@/lib/auth/current-user";
import { signInFor } from "@/lib/auth/return-path";
import { localPlugins } from "@/lib/local-plugins/watch-dirs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Local plugins" };

/** The plugin folders under PLUGINS_DIR: the debug release each became, or why it could not. */
export default async function LocalPluginsPage() {
  if (!(await currentUser())) redirect(signInFor("/local-plugins"));
  const { dirs, items } = localPlugins();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Local plugins</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Plugin folders under <code className="font-mono">PLUGINS_DIR</code>, registered as debug releases at start-up and again whenever a file in them
          changes.
        </p>
      </header>
      {dirs.length === 0 ? (
        <EmptyState
          title="No PLUGINS_DIR"
          detail="Start the hub with PLUGINS_DIR=/path/to/plugins (several folders separated by :) to work on plugins in place."
        />
      ) : items.length === 0 ? (
        <EmptyState title="No plugin folders yet" detail={`No folder with a config.yaml under ${dirs.join(", ")}.`} />
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
          {items.map((item) => (
            <li key={item.folder} className="space-y-1 px-4 py-3" data-folder={item.folder} data-ok={item.ok}>
              <div className="flex flex-wrap items-center gap-2">
                {item.ok ? (
                  <Link href={`/plugins/${item.code}?version=${encodeURIComponent(item.version ?? "")}`} className="font-medium hover:underline">
                    {item.code}@{item.version}
                  </Link>
                ) : (
                  <span className="font-medium text-red-700 dark:text-red-300">Invalid</span>
                )}
                {item.ok && <DebugBadge />}
                <span className="truncate font-mono text-xs text-zinc-500">{item.folder}</span>
              </div>
              {!item.ok && (
                <div role="alert" className="text-sm text-red-700 dark:text-red-300">
                  <p>{item.message}</p>
                  {item.errors.length > 0 && (
                    <ul className="mt-1 list-disc pl-5 font-mono text-xs">
                      {item.errors.map((error, index) => (
                        <li key={index}>
                          {error.path}
                          {error.line !== undefined ? ` (line ${error.line}${error.column !== undefined ? `, column ${error.column}` : ""})` : ""}:{" "}
                          {error.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
