import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { serveBlob } from "@/lib/storage/serve-blob";

/** One uploaded file of a run: ETag (its sha256), ranges for resuming, conditional requests. */
export async function serveArtifact(req: Request, runId: string, path: string): Promise<Response> {
  const row = await db().runArtifact.findUnique({ where: { runId_path: { runId, path } } });
  if (!row || row.status !== "uploaded" || !row.sha256) throw notFound("not_found", "The run has no such file.");
  // A run may upload the same path again, so the URL's bytes can change: revalidated, never shared.
  return serveBlob(req, row.sha256, path.split("/").at(-1)!, row.contentType, { immutable: false, shared: false });
}
