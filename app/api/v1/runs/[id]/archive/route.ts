// GET|HEAD /api/v1/runs/{id}/archive — the run's files as one zip, streamed (ranges; signed in, or ?share=)
import { requireResultReader } from "@/lib/artifacts/result-access";
import { shareQuerySchema } from "@/lib/artifacts/schemas";
import { serveRunZip } from "@/lib/artifacts/zip-stream";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { runIdParam } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "The run's files as one zip, streamed (Content-Length, ETag, Range)", params: runIdParam, query: shareQuerySchema },
  async ({ req, params, query }) => {
    await requireResultReader(req, params.id, query.share);
    const run = await db().run.findUnique({ where: { id: params.id }, select: { pluginCode: true, action: true } });
    if (!run) throw notFound("not_found", "No such run.");
    return serveRunZip(req, params.id, `${run.pluginCode}-${run.action}-${params.id.slice(0, 8)}.zip`);
  },
);

export const HEAD = GET;
