// The Compute page's and GET /api/v1/compute's shape: the backends this hub can run on.
import { z } from "zod";
import { BACKENDS } from "@/lib/runs/schemas";

const countsSchema = z.object({ queued: z.number().int(), active: z.number().int() });

export const rayNodeSchema = z.object({
  id: z.string(),
  ip: z.string().nullable(),
  head: z.boolean(),
  alive: z.boolean(),
  cpus: z.number(),
  gpus: z.number(),
  memoryBytes: z.number(),
});

const resourceSchema = z.object({ used: z.number(), total: z.number() });

export const rayClusterSchema = z.object({
  address: z.string(),
  serveUrl: z.string(),
  reachable: z.boolean(),
  /** Why it could not be read, when it could not. */
  error: z.string().nullable(),
  version: z.string().nullable(),
  nodes: z.array(rayNodeSchema),
  cpus: resourceSchema.nullable(),
  gpus: resourceSchema.nullable(),
  memoryBytes: resourceSchema.nullable(),
});
export type RayCluster = z.infer<typeof rayClusterSchema>;

export const computeSchema = z.object({
  defaultBackend: z.enum(BACKENDS),
  local: z.object({ concurrency: z.number().int(), worker: z.boolean() }),
  ray: rayClusterSchema.nullable(),
  /** Runs not yet finished, per backend: waiting in the queue, and starting or running. */
  runs: z.record(z.enum(BACKENDS), countsSchema),
});
export type ComputeView = z.infer<typeof computeSchema>;
