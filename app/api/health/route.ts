// GET /api/health — database and blob store status (503 when either is down), and what answers catalog pages
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { catalogIndexStatus } from "@/lib/registry/catalog-index-load";
import { catalogAnswers } from "@/lib/registry/catalog-stats";
import { checkBlobStore } from "@/lib/storage/blob-store";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "Database and blob store status (503 when either is down), and what answers catalog pages" }, async () => {
  const [database, blobs] = await Promise.all([probe(() => db().$queryRaw`SELECT 1`), probe(checkBlobStore)]);
  const ok = database.ok && blobs.ok;
  const catalog = { index: catalogIndexStatus(), answered: catalogAnswers };
  return Response.json(
    { status: ok ? "ok" : "degraded", database, blobStore: blobs, catalog },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
});

async function probe(check: () => Promise<unknown>): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const started = performance.now();
  try {
    await check();
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    console.error("health check failed:", error);
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: "unreachable" };
  }
}
