// GET|HEAD /api/v1/runs/{id}/artifacts/{path} — download one file (ETag = sha256, ranges; signed in, or ?share=)
// PUT /api/v1/runs/{id}/artifacts/{path} — the run's token: upload a file, streamed, checked against X-Artifact-Sha256
import { checkArtifactPath } from "@/lib/artifacts/artifact-path";
import { receiveArtifact } from "@/lib/artifacts/receive-artifact";
import { requireResultReader } from "@/lib/artifacts/result-access";
import { artifactPathParams, artifactSchema, shareQuerySchema } from "@/lib/artifacts/schemas";
import { serveArtifact } from "@/lib/artifacts/serve-artifact";
import { AppError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { runTokenRun } from "@/lib/runs/run-token";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "Download one file of a run (ETag = sha256; Range and conditional requests)", params: artifactPathParams, query: shareQuerySchema },
  async ({ req, params, query }) => {
    await requireResultReader(req, params.id, query.share);
    return serveArtifact(req, params.id, checkArtifactPath(params.path));
  },
);

export const HEAD = GET;

export const PUT = route(
  {
    summary: "Upload a file of the run (the run's token; raw body, X-Artifact-Sha256)",
    params: artifactPathParams,
    upload: true,
    response: artifactSchema,
    status: 201,
  },
  async ({ req, params }) => {
    if ((await runTokenRun(req)) !== params.id) {
      (req.body as ReadableStream | null)?.cancel().catch(() => {});
      throw new AppError("unauthorized", "Send this run's token (Authorization: Token <run token>).");
    }
    return Response.json(await receiveArtifact(req, params.id, checkArtifactPath(params.path)), { status: 201 });
  },
);
