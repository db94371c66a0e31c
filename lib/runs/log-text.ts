import "server-only";
import { pool } from "@/lib/db/pool";
import { isoTimestamps } from "@/lib/db/iso-timestamps";
import { readEvents } from "./event-store";
import type { RunEventDto } from "./schemas";

const PAGE = 5000;

/** The run's log lines as text, streamed page by page (a long log is never held whole in memory). */
export function logText(runId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor = 0;
  return new ReadableStream({
    async pull(controller) {
      const events = await readEvents(runId, cursor, PAGE, ["log"]);
      if (events.length === 0) return controller.close();
      cursor = events[events.length - 1].id;
      controller.enqueue(encoder.encode(events.map(logLine).join("")));
    },
  });
}

const logLine = (event: Pick<RunEventDto, "at" | "data">) => {
  const data = event.data as { level?: string; message?: string };
  return `${event.at} ${(data.level ?? "info").toUpperCase().padEnd(7)} ${data.message ?? ""}\n`;
};

/** The last `lines` lines of the run's log as one text (an answer that must be one JSON value). */
export async function logTail(runId: string, lines: number): Promise<string> {
  const { rows } = await pool().query<{ at: string; data: unknown }>({
    text: "SELECT at, data FROM run_events WHERE run_id = $1 AND type = 'log' ORDER BY seq DESC LIMIT $2",
    values: [runId, lines],
    types: isoTimestamps,
  });
  return rows.reverse().map(logLine).join("");
}
