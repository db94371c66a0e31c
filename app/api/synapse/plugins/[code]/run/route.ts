// POST /plugins/{code}/run/ — launch an action the Synapse way: {agent, action, params, debug}; debug runs the newest debug release
import { z } from "zod";
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { launchRun } from "@/lib/runs/launch";
import { toSynapseJob } from "@/lib/runs/protocol/job-view";
import { codeParam } from "@/lib/registry/schemas";
import { debugRunVersion } from "@/lib/synapse/debug-run-version";

export const dynamic = "force-dynamic";

const synapseRunSchema = z.looseObject({
  action: z.string().min(1).max(100),
  params: z.record(z.string(), z.unknown()).default({}),
  version: z.string().max(200).optional(),
  agent: z.unknown().optional(),
  debug: z.unknown().optional(),
});

export const POST = route(
  { summary: "Launch an action (Synapse shape); answers the job", params: z.object({ code: codeParam }), body: synapseRunSchema, status: 201 },
  async ({ req, params, body }) => {
    const { user } = await requirePrincipal(req, { scope: "run" });
    const input = await body();
    const { run, created } = await launchRun(
      { plugin: params.code, version: input.version ?? (await debugRunVersion(params.code, input.debug)), action: input.action, params: input.params },
      { user, idempotencyKey: req.headers.get("idempotency-key") ?? undefined },
    );
    return Response.json({ ...toSynapseJob(run), job_id: run.id }, { status: created ? 201 : 200 });
  },
);
