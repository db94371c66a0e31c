// Folds a run's events, in id order, into what the run page shows. Events at or below the last id seen
// are ignored, so the JSON pages and the SSE stream can overlap without showing anything twice.
import { isTerminal, type RunEventDto, type RunMetrics, type RunProgress, type RunStatus } from "@/lib/runs/schemas";
import { LogStore } from "./log-store";
import { MetricSeriesSet, isObject } from "./metric-series";

export type Trials = { columns: string[]; rows: Record<string, unknown>[]; best: string | null };
export type GalleryImage = { id: number; category: string | null; group: string | null; index: number | null; url: string; contentType: string };
export type Artifact = { name: string; size: number; sha256: string };

/** A render-ready copy of the state's scalar parts; a new object after every change. */
export type RunLiveSnapshot = {
  lastEventId: number;
  status: RunStatus | null;
  error: string | null;
  progress: RunProgress | null;
  metrics: RunMetrics | null;
  hasResult: boolean;
  result: unknown;
  logCount: number;
  seriesCount: number;
  seriesPoints: number;
  trials: Trials | null;
  images: GalleryImage[];
  artifacts: Artifact[];
};

export class RunLiveState {
  readonly log = new LogStore();
  readonly series = new MetricSeriesSet();
  private snap: RunLiveSnapshot = {
    lastEventId: 0,
    status: null,
    error: null,
    progress: null,
    metrics: null,
    hasResult: false,
    result: null,
    logCount: 0,
    seriesCount: 0,
    seriesPoints: 0,
    trials: null,
    images: [],
    artifacts: [],
  };
  private trialRows = new Map<string, Record<string, unknown>>();
  private trialColumns: string[] | null = null;
  private dirty = false;

  get lastEventId(): number {
    return this.snap.lastEventId;
  }

  get terminal(): boolean {
    return this.snap.status !== null && isTerminal(this.snap.status);
  }

  /** Applies the events newer than the last one seen; answers whether anything was applied. */
  apply(events: readonly RunEventDto[]): boolean {
    let applied = false;
    for (const event of events) {
      if (event.id <= this.snap.lastEventId) continue;
      this.snap.lastEventId = event.id;
      this.fold(event);
      applied = true;
    }
    if (applied) this.dirty = true;
    return applied;
  }

  snapshot(): RunLiveSnapshot {
    if (this.dirty) {
      const points = this.series.list.reduce((sum, s) => sum + s.x.length, 0);
      this.snap = { ...this.snap, logCount: this.log.count, seriesCount: this.series.list.length, seriesPoints: points };
      this.dirty = false;
    }
    return this.snap;
  }

  private fold({ id, type, data, at }: RunEventDto): void {
    const d = isObject(data) ? data : {};
    const time = Date.parse(at);
    switch (type) {
      case "status":
        if (typeof d.status === "string") this.snap.status = d.status.toLowerCase() as RunStatus;
        if (typeof d.error === "string") this.snap.error = d.error;
        break;
      case "progress":
        this.snap.progress = d as RunProgress;
        break;
      case "metrics":
        if (isObject(d.steps)) this.snap.metrics = d.steps as RunMetrics;
        this.series.addRecord(d.steps, time);
        break;
      case "metric":
        this.series.addMetric(d);
        break;
      case "log":
        this.log.append(typeof d.message === "string" ? d.message : JSON.stringify(d.data ?? d), typeof d.level === "string" ? d.level : "info", time);
        break;
      case "result":
        this.snap.hasResult = true;
        this.snap.result = d.result ?? null;
        break;
      case "trials":
        this.snap.trials = this.foldTrials(d);
        break;
      case "visualization":
        if (isObject(d.image) && typeof d.image.url === "string") {
          const image: GalleryImage = {
            id,
            category: typeof d.category === "string" ? d.category : null,
            group: typeof d.group === "string" ? d.group : null,
            index: typeof d.index === "number" ? d.index : null,
            url: d.image.url,
            contentType: typeof d.image.contentType === "string" ? d.image.contentType : "image/png",
          };
          this.snap.images = [...this.snap.images, image];
        }
        break;
      case "artifact":
        this.snap.artifacts = [...this.snap.artifacts, { name: String(d.name ?? "artifact"), size: Number(d.size ?? 0), sha256: String(d.sha256 ?? "") }];
        break;
    }
  }

  /** Trials arrive as the SDK sends them: the whole table or a part of it; rows merge by trial id. */
  private foldTrials(d: Record<string, unknown>): Trials {
    if (isObject(d.trials)) {
      for (const [trialId, row] of Object.entries(d.trials)) {
        if (isObject(row)) this.trialRows.set(trialId, { ...this.trialRows.get(trialId), ...row });
      }
    }
    const named = [d.base, d.hyperparameters, d.metrics].flatMap((list) => (Array.isArray(list) ? list.map(String) : []));
    if (named.length > 0) this.trialColumns = [...new Set(named)];
    const rows = [...this.trialRows].map(([trialId, row]) => ({ ...row, trial_id: trialId }));
    const columns = this.trialColumns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((key) => key !== "trial_id");
    const best = d.best_trial === undefined || d.best_trial === null ? (this.snap.trials?.best ?? null) : bestId(d.best_trial);
    return { columns, rows, best };
  }
}

function bestId(value: unknown): string {
  if (isObject(value)) return String(value.trial_id ?? value.id ?? "");
  return String(value);
}
