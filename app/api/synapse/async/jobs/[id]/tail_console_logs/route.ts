// GET /async/jobs/{id}/tail_console_logs/ — the run's log lines live, as the Synapse backend streams them
import { route } from "@/lib/http/route";
import { runEventStream } from "@/lib/runs/event-stream";
import { getRun } from "@/lib/runs/get-run";
import { requireJobAccess } from "@/lib/runs/protocol/job-access";
import { isTerminal, runIdParam } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

const data = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

export const GET = route({ summary: "Tail a run's console log (SSE, Synapse shape)", params: runIdParam }, async ({ req, params }) => {
  await requireJobAccess(req, params.id, "read");
  await getRun(params.id);
  return runEventStream(req, params.id, {
    after: 0,
    preamble: data({ type: "connected" }),
    format: (event) => (event.type === "log" ? data({ type: "log", message: (event.data as { message?: string }).message ?? "" }) : null),
    ends: (event) => event.type === "status" && isTerminal((event.data as { status: string }).status),
    epilogue: data({ type: "complete" }),
  });
});
