import { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import type { BackendName, RunResources } from "@/lib/runs/schemas";

export type LaunchBody = { plugin: string; version: string; action: string; params: Record<string, unknown>; backend?: BackendName; resources?: RunResources };

const launchedSchema = z.looseObject({ id: z.union([z.string(), z.number()]).transform(String), status: z.string() });

/** POST /api/v1/runs. The key makes a repeated click (or a retry after a lost answer) the same run. */
export async function launchRun(body: LaunchBody, idempotencyKey: string): Promise<z.infer<typeof launchedSchema>> {
  const response = await fetch("/api/v1/runs", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "application/json", "idempotency-key": idempotencyKey },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await ApiError.from(response);
  return launchedSchema.parse(await response.json());
}
