// GET /api/v1/runs/{id}/artifacts — the files a run produced, with counts (signed in, or ?share=)
// POST /api/v1/runs/{id}/artifacts — the run's token: a file it could not produce or upload, listed as failed
import { checkArtifactPath } from "@/lib/artifacts/artifact-path";
import { listArtifacts } from "@/lib/artifacts/list-artifacts";
import { markFailed } from "@/lib/artifacts/receive-artifact";
import { requireResultReader } from "@/lib/artifacts/result-access";
import { artifactFailureSchema, artifactListSchema, artifactSchema, shareQuerySchema } from "@/lib/artifacts/schemas";
import { AppError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { runTokenRun } from "@/lib/runs/run-token";
import { runIdParam } from "@/lib/runs/schemas";
import { contentTypeOf } from "@/lib/storage/content-type";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "A run's files and their counts", params: runIdParam, query: shareQuerySchema, response: artifactListSchema },
  async ({ req, params, query }) => {
    await requireResultReader(req, params.id, query.share);
    return Response.json(await listArtifacts(params.id), { headers: { "cache-control": "no-store" } });
  },
);

export const POST = route(
  {
    summary: "Report a file the run could not produce or upload (the run's token)",
    params: runIdParam,
    body: artifactFailureSchema,
    response: artifactSchema,
    status: 201,
  },
  async ({ req, params, body }) => {
    if ((await runTokenRun(req)) !== params.id) throw new AppError("unauthorized", "Send this run's token (Authorization: Token <run token>).");
    const { path, error } = await body();
    const clean = checkArtifactPath(path);
    return Response.json(await markFailed(params.id, clean, contentTypeOf(clean), error, null), { status: 201 });
  },
);
