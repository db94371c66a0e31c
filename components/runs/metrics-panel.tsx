"use client";

import { EmptyState } from "@/components/ui/states";
import type { MetricSeries } from "@/lib/runs/client/metric-series";
import type { RunMetrics } from "@/lib/runs/schemas";
import { MetricChart } from "./metric-chart";

/** A chart per step and metric, grouped by step, with the latest values above them. */
export function MetricsPanel({ series, points, latest }: { series: MetricSeries[]; points: number; latest: RunMetrics | null }) {
  if (series.length === 0) {
    return <EmptyState title="No metrics yet" detail="Charts appear here as soon as the run reports a numeric metric." />;
  }
  return (
    <div className="space-y-4">
      {latest && Object.keys(latest).length > 0 && (
        <dl className="flex flex-wrap gap-2 text-xs">
          {Object.entries(latest).flatMap(([step, record]) =>
            Object.entries(record).map(([key, value]) => (
              <div key={`${step}/${key}`} className="rounded-lg border border-zinc-200 px-2.5 py-1 dark:border-zinc-800">
                <dt className="inline text-zinc-500">
                  {step} · {key}{" "}
                </dt>
                <dd className="inline font-mono tabular-nums">{typeof value === "number" ? +value.toPrecision(6) : JSON.stringify(value)}</dd>
              </div>
            )),
          )}
        </dl>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        {series.map((s) => (
          <figure key={s.id} className="min-w-0 rounded-xl border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
            <figcaption className="mb-2 text-sm font-medium">
              {s.step} <span className="text-zinc-400">·</span> {s.key}
            </figcaption>
            <MetricChart series={s} points={points} />
          </figure>
        ))}
      </div>
    </div>
  );
}
