// GET /jobs/{id}/console_logs/ — the run's log so far (Synapse shape)
import { route } from "@/lib/http/route";
import { getRun } from "@/lib/runs/get-run";
import { logTail } from "@/lib/runs/log-text";
import { requireJobAccess } from "@/lib/runs/protocol/job-access";
import { runIdParam } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

const MAX_LINES = 20_000;

export const GET = route({ summary: "A run's console log (Synapse shape)", params: runIdParam }, async ({ req, params }) => {
  await requireJobAccess(req, params.id, "read");
  await getRun(params.id);
  // One JSON value, so bounded: the latest lines (the whole log streams from /api/v1/runs/{id}/logs).
  return { result: await logTail(params.id, MAX_LINES) };
});
