// The registry's API shapes, shared by route handlers, the UI and the OpenAPI document.
import { z } from "zod";
import { CATEGORIES, METHODS } from "./config/categories";

export const codeParam = z.string().regex(/^[a-z0-9_-]{1,100}$/);
export const versionParam = z.string().min(1).max(200);

export const listQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.enum(CATEGORIES).optional(),
  sort: z.enum(["updated", "name"]).default("updated"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  facets: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const pluginSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  category: z.enum(CATEGORIES),
  description: z.string(),
  latestVersion: z.string().nullable(),
  versionCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PluginSummary = z.infer<typeof pluginSummarySchema>;

export const pluginListSchema = z.object({
  items: z.array(pluginSummarySchema),
  nextCursor: z.string().nullable(),
  /** Matching plugins per category for the same search, ignoring the category filter (on request). */
  facets: z.record(z.string(), z.number().int()).optional(),
});
export type PluginList = z.infer<typeof pluginListSchema>;

export const versionSummarySchema = z.object({
  version: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  format: z.enum(["zip", "tar.gz"]),
  yanked: z.boolean(),
  yankReason: z.string().nullable(),
  /** A debug release: replaceable, never latest, removed after DEBUG_RELEASE_MAX_AGE. */
  debug: z.boolean(),
  createdAt: z.string(),
  /** When its bytes last changed (a debug release replaced); equals createdAt otherwise. */
  updatedAt: z.string(),
  downloadUrl: z.string(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const paramFieldSchema = z.looseObject({ $formkit: z.string().optional(), name: z.string().optional() });

export const actionSchema = z.object({
  name: z.string(),
  method: z.enum(METHODS),
  entrypoint: z.string(),
  description: z.string().nullable(),
  params: z.array(paramFieldSchema),
});
export type ActionDto = z.infer<typeof actionSchema>;

export const versionDetailSchema = versionSummarySchema.extend({
  code: z.string(),
  name: z.string(),
  category: z.enum(CATEGORIES),
  description: z.string(),
  config: z.record(z.string(), z.unknown()),
  configYaml: z.string(),
  readme: z.string(),
  readmeHtml: z.string(),
  actions: z.array(actionSchema),
});
export type VersionDetail = z.infer<typeof versionDetailSchema>;

export const personSchema = z.object({ id: z.string(), name: z.string() });
export type PersonDto = z.infer<typeof personSchema>;

export const pluginDetailSchema = pluginSummarySchema.extend({
  versions: z.array(versionSummarySchema),
  /** Null for plugins the hub seeded itself (admins manage those). */
  owner: personSchema.nullable(),
  maintainers: z.array(personSchema),
});

export const maintainerBodySchema = z.object({ email: z.email("must be an email address") });
export type PluginDetail = z.infer<typeof pluginDetailSchema>;

export const publishResultSchema = z.object({
  created: z.boolean(),
  /** A debug release of this code@version was replaced by the new bytes. */
  replaced: z.boolean(),
  plugin: pluginSummarySchema,
  version: versionSummarySchema,
});
export type PublishResult = z.infer<typeof publishResultSchema>;

export const yankBodySchema = z.object({
  yanked: z.boolean().default(true),
  reason: z.string().trim().max(500).optional(),
});
