// GET /api/v1/runs/{id} — one run: status, progress, metrics, result
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { getRun } from "@/lib/runs/get-run";
import { runIdParam, runSchema } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "One run", params: runIdParam, response: runSchema }, async ({ req, params }) => {
  await requirePrincipal(req);
  return Response.json(await getRun(params.id), { headers: { "cache-control": "no-store" } });
});
