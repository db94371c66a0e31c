import "server-only";
import { readEvents } from "./event-store";

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
      const lines = events.map((e) => {
        const data = e.data as { level?: string; message?: string; source?: string };
        return `${e.at} ${(data.level ?? "info").toUpperCase().padEnd(7)} ${data.message ?? ""}\n`;
      });
      controller.enqueue(encoder.encode(lines.join("")));
    },
  });
}
