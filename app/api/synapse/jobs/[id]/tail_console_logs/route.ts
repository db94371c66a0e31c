// GET /jobs/{id}/tail_console_logs/ — the run's log live, in the shape the SDK's 2026 client
// (`synapse plugin job logs --follow`) reads: its backend dropped the /async/ prefix and wraps each of
// the agent's SSE messages in its own, and the client prints every line that is not `data:` as it is
import { route } from "@/lib/http/route";
import { runEventStream } from "@/lib/runs/event-stream";
import { getRun } from "@/lib/runs/get-run";
import { requireJobAccess } from "@/lib/runs/protocol/job-access";
import { isTerminal, runIdParam } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

const data = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
/** One log line as the agent's message, inside the backend's; the client prints it without a newline of its own. */
const wrapped = (message: string) => data({ type: "log", data: `data: ${JSON.stringify({ type: "log", message: `${message}\n` })}\n` });

export const GET = route({ summary: "Tail a run's console log (SSE, the 2026 SDK's shape)", params: runIdParam }, async ({ req, params }) => {
  await requireJobAccess(req, params.id, "read");
  await getRun(params.id);
  return runEventStream(req, params.id, {
    after: 0,
    retry: false,
    preamble: data({ type: "connected" }),
    format: (event) => (event.type === "log" ? wrapped((event.data as { message?: string }).message ?? "") : null),
    ends: (event) => event.type === "status" && isTerminal((event.data as { status: string }).status),
    epilogue: data({ type: "complete" }),
  });
});
