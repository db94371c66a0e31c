// GET /jobs/{id}/console_logs/ — the run's log so far (Synapse shape)
import { route } from "@/lib/http/route";
import { getRun } from "@/lib/runs/get-run";
import { logText } from "@/lib/runs/log-text";
import { requireJobAccess } from "@/lib/runs/protocol/job-access";
import { runIdParam } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "A run's console log (Synapse shape)", params: runIdParam }, async ({ req, params }) => {
  await requireJobAccess(req, params.id, "read");
  await getRun(params.id);
  return { result: await new Response(logText(params.id)).text() };
});
