// GET /jobs/{id}/ — a run as the Synapse backend's job
// PATCH /jobs/{id}/ — a running plugin reports status, progress, metrics, result (DESIGN.md §3)
import { route } from "@/lib/http/route";
import { getRun } from "@/lib/runs/get-run";
import { requireJobAccess } from "@/lib/runs/protocol/job-access";
import { applyJobReport, jobReportSchema } from "@/lib/runs/protocol/job-report";
import { toSynapseJob } from "@/lib/runs/protocol/job-view";
import { runIdParam } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "A run as a Synapse job", params: runIdParam }, async ({ req, params }) => {
  await requireJobAccess(req, params.id, "read");
  return toSynapseJob(await getRun(params.id));
});

export const PATCH = route(
  { summary: "Report a run's status, progress, metrics or result (the run's token)", params: runIdParam, body: jobReportSchema },
  async ({ req, params, body }) => {
    await requireJobAccess(req, params.id, "report");
    await applyJobReport(params.id, await body());
    return toSynapseJob(await getRun(params.id));
  },
);
