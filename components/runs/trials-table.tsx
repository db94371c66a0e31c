"use client";

import { useMemo, useState } from "react";
import type { Trials } from "@/lib/runs/client/run-live-state";

type Sort = { column: string; descending: boolean };

/** The tune action's trials as they arrive; a click on a header sorts by it, the best trial is marked. */
export function TrialsTable({ trials }: { trials: Trials }) {
  const [sort, setSort] = useState<Sort>({ column: "trial_id", descending: false });
  const columns = ["trial_id", ...trials.columns];
  const rows = useMemo(() => {
    const sorted = [...trials.rows].sort((a, b) => compare(a[sort.column], b[sort.column]));
    return sort.descending ? sorted.reverse() : sorted;
  }, [trials.rows, sort]);

  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm">
        <thead className="bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            {columns.map((column) => {
              const active = sort.column === column;
              return (
                <th key={column} scope="col" aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"} className="px-3 py-2 font-medium">
                  <button
                    type="button"
                    onClick={() => setSort({ column, descending: active ? !sort.descending : false })}
                    className="inline-flex items-center gap-1 hover:text-zinc-900 dark:hover:text-white"
                  >
                    {column === "trial_id" ? "trial" : column}
                    <span aria-hidden className={active ? "" : "invisible"}>
                      {sort.descending ? "▼" : "▲"}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((row) => {
            const best = String(row.trial_id) === trials.best;
            return (
              <tr key={String(row.trial_id)} data-best={best || undefined} className={best ? "bg-emerald-50 dark:bg-emerald-950/40" : ""}>
                {columns.map((column) => (
                  <td key={column} className="whitespace-nowrap px-3 py-1.5 font-mono text-xs tabular-nums">
                    {column === "trial_id" && best && (
                      <span className="mr-1.5 rounded-full bg-emerald-600 px-1.5 py-0.5 font-sans text-[10px] font-semibold text-white">best</span>
                    )}
                    {display(row[column])}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function compare(a: unknown, b: unknown): number {
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { numeric: true });
}

function display(value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (typeof value === "number") return String(+value.toPrecision(6));
  return typeof value === "string" ? value : JSON.stringify(value);
}
