// POST /api/v1/runs/{id}/cancel — stop a run (a finished one answers 409 run_finished)
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { cancelRun } from "@/lib/runs/cancel";
import { runIdParam, runSchema } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

export const POST = route({ summary: "Cancel a run", params: runIdParam, response: runSchema }, async ({ req, params }) => {
  const { user } = await requirePrincipal(req, { scope: "run" });
  return cancelRun(params.id, user.name);
});
