// POST /logs/ — a running plugin's log events, one or a list (DESIGN.md §3)
import { AppError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { appendEvents } from "@/lib/runs/event-store";
import { checkEntriesBelongTo, logBodySchema, toEvents } from "@/lib/runs/protocol/log-entries";
import { runTokenRun } from "@/lib/runs/run-token";

export const dynamic = "force-dynamic";

// An entry may carry a file (an image) inline as a data: URI: the runtime sends files up to 5 MiB, 6.7 MiB encoded.
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export const POST = route(
  { summary: "Report a run's log events (the run's token)", body: logBodySchema, maxBodyBytes: MAX_BODY_BYTES, status: 201 },
  async ({ req, body }) => {
    const runId = await runTokenRun(req);
    if (!runId) throw new AppError("unauthorized", "Send the run's token (Authorization: Token <run token>).");
    const raw = await body();
    const entries = Array.isArray(raw) ? raw : [raw];
    checkEntriesBelongTo(entries, runId);
    if (entries.length) await appendEvents(runId, toEvents(entries));
    return Response.json({ count: entries.length }, { status: 201 });
  },
);
