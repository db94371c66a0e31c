"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { fetchDeployments, runKeys } from "@/lib/runs/client/api";

const POLL_MS = 5000;

/**
 * The serve actions running now (the hub's deployments): where each answers, and its run page, where
 * it is stopped. Shown above the runs list only while there are some.
 */
export function Deployments() {
  const query = useQuery({ queryKey: runKeys.deployments, queryFn: fetchDeployments, refetchInterval: POLL_MS });
  const deployments = query.data?.items ?? [];
  if (deployments.length === 0) return null;
  return (
    <section aria-labelledby="deployments-heading" className="space-y-3">
      <h2 id="deployments-heading" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">
        Deployments <span className="font-normal text-zinc-500">· {deployments.length} serving</span>
      </h2>
      <ul className="grid grid-cols-1 gap-3 md:grid-cols-2">
        {deployments.map((run) => (
          <li
            key={run.id}
            className="flex items-center justify-between gap-3 rounded-xl border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
          >
            <div className="min-w-0">
              <Link href={`/runs/${run.id}`} className="font-medium hover:underline">
                {run.plugin} · {run.action}
              </Link>
              <p className="truncate font-mono text-xs text-zinc-500">{run.serveUrl}</p>
            </div>
            {run.serveUrl && (
              <a
                href={run.serveUrl}
                target="_blank"
                rel="noreferrer"
                className="shrink-0 rounded-lg bg-brand-600 px-2.5 py-1 text-xs font-medium text-white shadow-sm hover:bg-brand-700"
                aria-label={`Open ${run.plugin} ${run.action}`}
              >
                Open
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
