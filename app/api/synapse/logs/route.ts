// POST /logs/ — a running plugin's log events, one or a list (DESIGN.md §3)
import { AppError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { appendEvents } from "@/lib/runs/event-store";
import { requireJobAccess } from "@/lib/runs/protocol/job-access";
import { checkEntriesBelongTo, logBodySchema, toEvents } from "@/lib/runs/protocol/log-entries";
import { runTokenRun } from "@/lib/runs/run-token";

export const dynamic = "force-dynamic";

export const POST = route({ summary: "Report a run's log events (the run's token)", body: logBodySchema, status: 201 }, async ({ req, body }) => {
  const runId = await runTokenRun(req);
  if (!runId) throw new AppError("unauthorized", "Send the run's token (Authorization: Token <run token>).");
  await requireJobAccess(req, runId, "report");
  const raw = await body();
  const entries = Array.isArray(raw) ? raw : [raw];
  checkEntriesBelongTo(entries, runId);
  if (entries.length) await appendEvents(runId, toEvents(entries));
  return Response.json({ count: entries.length }, { status: 201 });
});
