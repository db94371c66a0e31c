import { z } from "zod";
import type { RunMetrics, RunProgress } from "../schemas";

// The SDK's records name their parts `categories` (older SDK) or `steps` (newer SDK): DESIGN.md §3.
const stepProgress = z.looseObject({
  percent: z.coerce.number().optional(),
  time_remaining: z.coerce.number().nullish(),
  proportion: z.coerce.number().nullish(),
});
const progressRecord = z.looseObject({
  record: z.looseObject({ steps: z.record(z.string(), stepProgress).optional(), categories: z.record(z.string(), stepProgress).optional() }).optional(),
  current_progress: z
    .looseObject({
      overall: z.coerce.number().nullish(),
      step: z.string().nullish(),
      category: z.string().nullish(),
      percent: z.coerce.number().nullish(),
      time_remaining: z.coerce.number().nullish(),
    })
    .optional(),
});
const metricsRecord = z.looseObject({
  record: z
    .looseObject({
      steps: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
      categories: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    })
    .optional(),
});

const clampPercent = (n: number) => Math.max(0, Math.min(100, Number.isFinite(n) ? n : 0));

/** A `progress_record` in the hub's shape; null when it carries nothing usable. */
export function toProgress(raw: unknown): RunProgress | null {
  const parsed = progressRecord.safeParse(raw);
  if (!parsed.success) return null;
  const parts = parsed.data.record?.steps ?? parsed.data.record?.categories ?? {};
  const steps: RunProgress["steps"] = {};
  for (const [name, part] of Object.entries(parts)) steps[name] = { percent: clampPercent(part.percent ?? 0), timeRemaining: part.time_remaining ?? null };
  const current = parsed.data.current_progress;
  const step = current?.step ?? current?.category ?? null;
  if (step && current?.percent != null) {
    steps[step] = { percent: clampPercent(current.percent), timeRemaining: current.time_remaining ?? steps[step]?.timeRemaining ?? null };
  }
  // When the plugin weighs its steps (`proportion`, in percent of the whole, as the SDK's categories
  // do), the whole is their weighted sum, and steps not begun count as 0. Otherwise the mean of the
  // steps seen; the SDK's own `overall` is on no fixed scale (2.0 for a finished single step).
  const named = Object.entries(parts);
  const weighted = named.length > 0 && named.every(([, part]) => typeof part.proportion === "number");
  const percents = Object.values(steps).map((s) => s.percent);
  let overall: number | null = null;
  if (weighted) overall = clampPercent(named.reduce((sum, [name, part]) => sum + ((part.proportion as number) * steps[name].percent) / 100, 0));
  else if (percents.length) overall = percents.reduce((a, b) => a + b, 0) / percents.length;
  else if (current?.overall != null) overall = clampPercent(current.overall);
  if (overall === null && step === null) return null;
  return { overall, step, steps };
}

/** A `metrics_record` in the hub's shape (`{step: {key: value}}`); null when it carries nothing. */
export function toMetrics(raw: unknown): RunMetrics | null {
  const parsed = metricsRecord.safeParse(raw);
  if (!parsed.success) return null;
  const record = parsed.data.record?.steps ?? parsed.data.record?.categories;
  return record && Object.keys(record).length ? record : null;
}
