// GET /api/v1/runs/{id}/logs — the run's whole log as text (a download)
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { getRun } from "@/lib/runs/get-run";
import { logText } from "@/lib/runs/log-text";
import { runIdParam } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "A run's log as text", params: runIdParam }, async ({ req, params }) => {
  await requirePrincipal(req);
  const run = await getRun(params.id);
  return new Response(logText(params.id), {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${run.plugin}-${run.action}-${run.id.slice(0, 8)}.log"`,
      "cache-control": "no-store",
    },
  });
});
