import { z } from "zod";
import type { RunMetrics, RunProgress } from "../schemas";

// The SDK's records name their parts `categories` (older SDK) or `steps` (newer SDK): DESIGN.md §3.
const stepProgress = z.looseObject({ percent: z.coerce.number().optional(), time_remaining: z.coerce.number().nullish() });
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
  if (step && current?.percent != null) steps[step] = { percent: clampPercent(current.percent), timeRemaining: current.time_remaining ?? null };
  // The SDK's `overall` is a sum of step proportions on a 0–100 scale when proportions are given and
  // otherwise unreliable; the mean of the steps' percents is what a progress bar should show.
  const percents = Object.values(steps).map((s) => s.percent);
  const overall =
    current?.overall != null && percents.length === 0
      ? clampPercent(current.overall)
      : percents.length
        ? percents.reduce((a, b) => a + b, 0) / percents.length
        : null;
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
