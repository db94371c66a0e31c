// The projects API's shapes, shared by route handlers and the pages.
import { z } from "zod";

export const EXPORT_TARGETS = ["assignment", "ground_truth", "task"] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

/** Project and item ids are integers (the Synapse SDK's types); anything else names nothing. */
export const projectIdParam = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
export const projectFileParam = projectIdParam.extend({ fileId: z.coerce.number().int().min(1).max(2_147_483_647) });

export const projectListQuery = z.object({
  cursor: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
});

export const countsSchema = z.object({
  tasks: z.number().int(),
  files: z.number().int(),
  assignments: z.number().int(),
  groundTruthVersions: z.number().int(),
  groundTruthEvents: z.number().int(),
});
export type ProjectCounts = z.infer<typeof countsSchema>;

export const projectSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
  counts: countsSchema,
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const projectListSchema = z.object({ items: z.array(projectSummarySchema), nextCursor: z.number().int().nullable() });
export type ProjectList = z.infer<typeof projectListSchema>;

export const gtVersionSchema = z.object({ id: z.number().int(), name: z.string(), description: z.string(), events: z.number().int(), createdAt: z.string() });
export type GtVersionDto = z.infer<typeof gtVersionSchema>;

export const projectDetailSchema = projectSummarySchema.extend({
  configuration: z.record(z.string(), z.unknown()),
  groundTruthVersions: z.array(gtVersionSchema),
  /** Assignments per status. */
  assignmentStatuses: z.record(z.string(), z.number().int()),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

export const itemFileSchema = z.object({
  id: z.number().int(),
  slot: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  isPrimary: z.boolean(),
  /** Where a signed-in browser reads it (previews, downloads). */
  url: z.string(),
});
export type ItemFile = z.infer<typeof itemFileSchema>;

export const projectItemSchema = z.object({
  id: z.number().int(),
  kind: z.enum(EXPORT_TARGETS),
  taskId: z.number().int(),
  taskKey: z.string(),
  /** assignment: worker and status; ground truth: version and category. */
  worker: z.string().nullable(),
  status: z.string().nullable(),
  versionId: z.number().int().nullable(),
  category: z.string().nullable(),
  data: z.unknown(),
  files: z.array(itemFileSchema),
});
export type ProjectItem = z.infer<typeof projectItemSchema>;

export const itemsQuery = z.object({
  kind: z.enum(EXPORT_TARGETS).default("task"),
  /** Ground truth: the version to browse (default: the newest). */
  version: z.coerce.number().int().min(1).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ItemsQuery = z.infer<typeof itemsQuery>;

export const itemPageSchema = z.object({ items: z.array(projectItemSchema), total: z.number().int(), page: z.number().int(), limit: z.number().int() });
export type ItemPage = z.infer<typeof itemPageSchema>;

export const importResultSchema = z.object({ id: z.number().int(), name: z.string(), counts: countsSchema });
