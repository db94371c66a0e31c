// The Exports list's shapes: export runs with what they export and what they produced.
import { z } from "zod";
import { RUN_STATUSES } from "@/lib/runs/schemas";

export const EXPORT_TARGETS = ["assignment", "ground_truth", "task"] as const;

export const exportSchema = z.object({
  runId: z.string(),
  plugin: z.string(),
  version: z.string(),
  action: z.string(),
  status: z.enum(RUN_STATUSES),
  /** Overall percent (0–100) while it runs, as the plugin last reported it. */
  progress: z.number().nullable(),
  error: z.string().nullable(),
  /** `assignment`, `ground_truth`, `task`, or whatever the run's params named; null when they name none. */
  target: z.string().nullable(),
  /** The project the params name, or the ground-truth version's project; `name` is null when no such project exists (any more). */
  project: z.object({ id: z.number().int(), name: z.string().nullable() }).nullable(),
  /** The ground-truth version exported (`filter.ground_truth_dataset_version`); `name` is null when it does not exist. */
  groundTruthVersion: z.object({ id: z.number().int(), name: z.string().nullable() }).nullable(),
  /** The output name the launch gave, when it gave one. */
  name: z.string().nullable(),
  files: z.number().int(),
  failed: z.number().int(),
  /** Bytes of the uploaded files. */
  bytes: z.number().int(),
  launchedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ExportDto = z.infer<typeof exportSchema>;

export const exportListQuery = z.object({
  status: z.enum(RUN_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ExportListQuery = z.infer<typeof exportListQuery>;

export const exportListSchema = z.object({ items: z.array(exportSchema), nextCursor: z.string().nullable() });
export type ExportList = z.infer<typeof exportListSchema>;
