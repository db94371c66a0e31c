// POST /api/v1/runs/{id}/share — a link to the run's result that works without an account until it expires
import { requirePrincipal } from "@/lib/auth/principal";
import { createShareSchema, shareSchema } from "@/lib/artifacts/schemas";
import { createShareToken } from "@/lib/artifacts/share-token";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { runIdParam } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  { summary: "Create a share link to the run's result, with an expiry", params: runIdParam, body: createShareSchema, response: shareSchema, status: 201 },
  async ({ req, params, body }) => {
    await requirePrincipal(req);
    const { expiresInSeconds } = await body();
    if (!(await db().run.findUnique({ where: { id: params.id }, select: { id: true } }))) throw notFound("not_found", "No such run.");
    const expiresAt = new Date(Date.now() + expiresInSeconds * 1000);
    const token = createShareToken(params.id, expiresAt);
    const url = `/api/v1/runs/${params.id}/archive?share=${encodeURIComponent(token)}`;
    return Response.json({ token, url, expiresAt: expiresAt.toISOString() }, { status: 201 });
  },
);
