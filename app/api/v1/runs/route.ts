// GET /api/v1/runs — runs, newest first, filtered by plugin, action, status, who (keyset paging)
// POST /api/v1/runs — launch an action (Idempotency-Key: the same key and body answer the same run)
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { launchRun } from "@/lib/runs/launch";
import { listRuns } from "@/lib/runs/list-runs";
import { launchRunSchema, runListQuerySchema, runListSchema, runSchema } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "Runs, newest first", query: runListQuerySchema, response: runListSchema }, async ({ req, query }) => {
  const { user } = await requirePrincipal(req);
  return Response.json(await listRuns(query, user.id), { headers: { "cache-control": "no-store" } });
});

export const POST = route(
  {
    summary: "Launch a plugin version's action",
    description: "Needs a session or a token with the run scope. Send an Idempotency-Key header: a retry with the same key and body answers the same run.",
    body: launchRunSchema,
    response: runSchema,
    status: 201,
  },
  async ({ req, body }) => {
    const { user } = await requirePrincipal(req, { scope: "run" });
    const idempotencyKey = req.headers.get("idempotency-key") ?? undefined;
    const { run, created } = await launchRun(await body(), { user, idempotencyKey });
    return Response.json(run, { status: created ? 201 : 200, headers: { location: `/api/v1/runs/${run.id}` } });
  },
);
