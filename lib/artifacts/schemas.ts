// The artifacts API's shapes: files a run produced and the result's share links (the Exports list: lib/exports/schemas.ts).
import { z } from "zod";
import { RUN_STATUSES } from "@/lib/runs/schemas";

export const ARTIFACT_STATUSES = ["uploading", "uploaded", "failed"] as const;
export type ArtifactStatus = (typeof ARTIFACT_STATUSES)[number];

export const artifactSchema = z.object({
  path: z.string(),
  status: z.enum(ARTIFACT_STATUSES),
  size: z.number().int(),
  sha256: z.string().nullable(),
  contentType: z.string(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  uploadedAt: z.iso.datetime().nullable(),
});
export type ArtifactDto = z.infer<typeof artifactSchema>;

export const artifactSummarySchema = z.object({
  files: z.number().int(),
  uploaded: z.number().int(),
  failed: z.number().int(),
  uploading: z.number().int(),
  /** Bytes of the uploaded files. */
  bytes: z.number().int(),
});
export type ArtifactSummary = z.infer<typeof artifactSummarySchema>;

export const artifactListSchema = z.object({
  items: z.array(artifactSchema),
  summary: artifactSummarySchema,
  /** The run's status: a share link cannot read the run, and its page must still learn that it ended. */
  runStatus: z.enum(RUN_STATUSES),
});
export type ArtifactList = z.infer<typeof artifactListSchema>;

/** A run reports a file it could not produce or upload, so the result lists it as failed. */
export const artifactFailureSchema = z.object({ path: z.string().min(1).max(1024), error: z.string().min(1).max(2000) });

export const artifactPathParams = z.object({ id: z.uuid(), path: z.array(z.string()).min(1) });

/** Read access without an account: `?share=<token>` on the file and zip downloads. */
export const shareQuerySchema = z.object({ share: z.string().max(500).optional() });

export const createShareSchema = z.object({
  /** How long the link works: from a minute to 30 days. */
  expiresInSeconds: z
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .default(7 * 24 * 3600),
});
export const shareSchema = z.object({ token: z.string(), url: z.string(), expiresAt: z.iso.datetime() });
export type ShareDto = z.infer<typeof shareSchema>;
