// Metric series for charts, built from the two ways a plugin reports metrics:
// - `metrics` events carry the whole record `{steps: {train: {loss: 0.2}}}` each time: one point per
//   changed step record, plotted against time;
// - `metric` events (the SDK's `log_metric`) carry one value `{category, key, value, metrics?}`: with
//   `metrics` the value is the x of a point per metric name (e.g. epoch → loss), otherwise it is the y.
export type MetricSeries = { id: string; step: string; key: string; xKind: "time" | "value" | "index"; xLabel: string; x: number[]; y: number[] };

export class MetricSeriesSet {
  private readonly byId = new Map<string, MetricSeries>();
  private readonly lastRecord = new Map<string, string>();

  /**
   * Every series, except a time series whose step and key also come as SDK `metric` events: those
   * carry their own x (the epoch), so the same curve is not drawn twice.
   */
  get list(): MetricSeries[] {
    const all = [...this.byId.values()];
    const explicit = new Set(all.filter((s) => s.xKind !== "time").map((s) => `${s.step}\u0000${s.key}`));
    return all.filter((s) => s.xKind !== "time" || !explicit.has(`${s.step}\u0000${s.key}`));
  }

  addRecord(steps: unknown, at: number): boolean {
    if (!isObject(steps)) return false;
    let changed = false;
    for (const [step, record] of Object.entries(steps)) {
      if (!isObject(record)) continue;
      // The record arrives whole on every report; an unchanged step is not a new point.
      const serialized = JSON.stringify(record);
      if (this.lastRecord.get(step) === serialized) continue;
      this.lastRecord.set(step, serialized);
      for (const [key, value] of Object.entries(record)) {
        if (typeof value === "number" && Number.isFinite(value)) {
          this.push(step, key, "time", "time", at / 1000, value);
          changed = true;
        }
      }
    }
    return changed;
  }

  addMetric(data: unknown): boolean {
    if (!isObject(data)) return false;
    const category = typeof data.category === "string" ? data.category : "metric";
    const key = String(data.key ?? "value");
    const value = Number(data.value);
    if (!Number.isFinite(value)) return false;
    const metrics = isObject(data.metrics) ? Object.entries(data.metrics).filter(([, v]) => typeof v === "number" && Number.isFinite(v)) : [];
    if (metrics.length === 0) {
      const series = this.series(category, key, "index", "#");
      this.push(category, key, "index", "#", series.x.length, value);
      return true;
    }
    for (const [name, metric] of metrics) this.push(category, name, "value", key, value, metric as number);
    return true;
  }

  private series(step: string, key: string, xKind: MetricSeries["xKind"], xLabel: string): MetricSeries {
    const id = `${step}\u0000${key}\u0000${xKind}`;
    let series = this.byId.get(id);
    if (!series) {
      series = { id, step, key, xKind, xLabel, x: [], y: [] };
      this.byId.set(id, series);
    }
    return series;
  }

  private push(step: string, key: string, xKind: MetricSeries["xKind"], xLabel: string, x: number, y: number): void {
    const series = this.series(step, key, xKind, xLabel);
    // uPlot needs ascending x; a point that goes back (a retried epoch) replaces the tail instead.
    while (series.x.length > 0 && series.x[series.x.length - 1] > x) {
      series.x.pop();
      series.y.pop();
    }
    if (series.x.length > 0 && series.x[series.x.length - 1] === x) series.y[series.y.length - 1] = y;
    else {
      series.x.push(x);
      series.y.push(y);
    }
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
