// GET /api/v1/runs/{id}/events — the run's events after ?after= as JSON, or live as SSE
// (Accept: text/event-stream; Last-Event-ID resumes exactly after the last event received)
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { readEvents } from "@/lib/runs/event-store";
import { runEventStream } from "@/lib/runs/event-stream";
import { getRun } from "@/lib/runs/get-run";
import { runEventListSchema, runEventsQuerySchema, runIdParam } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "A run's events (JSON page, or a live SSE stream)",
    description: "With Accept: text/event-stream, an SSE stream: every event has an id, and Last-Event-ID (or ?after=) resumes after it.",
    params: runIdParam,
    query: runEventsQuerySchema,
    response: runEventListSchema,
  },
  async ({ req, params, query }) => {
    await requirePrincipal(req);
    await getRun(params.id); // 404 for an unknown run, before a stream opens
    if ((req.headers.get("accept") ?? "").includes("text/event-stream")) {
      const lastEventId = Number(req.headers.get("last-event-id"));
      const after = Number.isSafeInteger(lastEventId) && lastEventId > 0 ? lastEventId : query.after;
      return runEventStream(req, params.id, { after });
    }
    const types = query.types
      ?.split(",")
      .map((t) => t.trim())
      .filter(Boolean);
    const items = await readEvents(params.id, query.after, query.limit, types);
    const nextCursor = items.length === query.limit ? items[items.length - 1].id : null;
    return Response.json({ items, nextCursor }, { headers: { "cache-control": "no-store" } });
  },
);
