"use client";

import { useEffect, useRef } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { MetricSeries } from "@/lib/runs/client/metric-series";

const HEIGHT = 220;

/** One uPlot line chart; follows the container's width and the page's dark mode, redraws as points arrive. */
export function MetricChart({ series, points }: { series: MetricSeries; points: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let disposed = false;
    let resize: ResizeObserver | null = null;
    let theme: MutationObserver | null = null;
    // uPlot touches the DOM when it loads: load it in the browser only.
    void import("uplot").then(({ default: UPlot }) => {
      if (disposed) return;
      const build = () => {
        chart.current?.destroy();
        chart.current = new UPlot(options(series, el.clientWidth, isDark()), [series.x, series.y], el);
      };
      build();
      resize = new ResizeObserver(() => chart.current?.setSize({ width: el.clientWidth, height: HEIGHT }));
      resize.observe(el);
      theme = new MutationObserver(build);
      theme.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    });
    return () => {
      disposed = true;
      resize?.disconnect();
      theme?.disconnect();
      chart.current?.destroy();
      chart.current = null;
    };
  }, [series]);

  // The series arrays grow in place; `points` says when to redraw.
  useEffect(() => {
    chart.current?.setData([series.x, series.y]);
  }, [series, points]);

  return <div ref={box} data-testid="metric-chart" data-points={series.x.length} className="min-h-[220px] w-full" />;
}

const isDark = () => document.documentElement.classList.contains("dark");

function options(series: MetricSeries, width: number, dark: boolean): uPlot.Options {
  const ink = dark ? "#a1a1aa" : "#52525b";
  const grid = dark ? "#27272a" : "#e4e4e7";
  const axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  return {
    width: Math.max(width, 200),
    height: HEIGHT,
    legend: { show: true },
    cursor: { drag: { x: true, y: false } },
    scales: { x: { time: series.xKind === "time" } },
    axes: [axis, { ...axis, size: 56 }],
    series: [
      { label: series.xLabel },
      { label: series.key, stroke: dark ? "#7c93ff" : "#3b52e6", width: 2, points: { show: series.x.length < 60, fill: dark ? "#18181b" : "#ffffff" } },
    ],
  };
}
