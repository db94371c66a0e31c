import "server-only";
import { isLive, listen } from "@/lib/events/pg-feed";
import { clientGone } from "@/lib/http/client-gone";
import { readEvents } from "./event-store";
import type { RunEventDto } from "./schemas";

const KEEPALIVE_MS = 15_000;
/** While the change feed is down, live streams look for new events this often instead. */
const POLL_WHEN_DOWN_MS = 1000;
const PAGE = 1000;

export type StreamOptions = {
  after: number;
  /** How each event is written (the hub's own stream, or the Synapse console-log tail). */
  format?: (event: RunEventDto) => string | null;
  /** Written once before the first event. */
  preamble?: string;
  /** Whether the stream is done after this event (the tail ends at a final status). */
  ends?: (event: RunEventDto) => boolean;
  epilogue?: string;
};

export const sseMessage = (event: RunEventDto) => `id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * A run's events as Server-Sent Events, starting after `after` (the Last-Event-ID a reconnecting
 * client sends): every event once, in order, each with its id. It reads the store, then waits for
 * this run's NOTIFY (from any instance) and reads on from the last id it sent, so a notification that
 * races a read can only cause one empty read, never a gap or a repeat.
 */
export function runEventStream(req: Request, runId: string, options: StreamOptions): Response {
  const encoder = new TextEncoder();
  const format = options.format ?? sseMessage;
  let cursor = options.after;
  let wake: (() => void) | undefined;
  let pending = true; // read at once
  let closed = false;
  const gone = clientGone(req);

  const unlisten = listen("run_events", (payload) => {
    if (payload !== null && !payload.startsWith(`${runId}:`)) return;
    pending = true;
    wake?.();
  });
  const stop = () => {
    closed = true;
    unlisten();
    wake?.();
  };
  gone.addEventListener("abort", stop, { once: true });

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => controller.enqueue(encoder.encode(text));
      write(`retry: 2000\n${options.preamble ?? ""}`);
      try {
        while (!closed) {
          if (!pending) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, isLive() ? KEEPALIVE_MS : POLL_WHEN_DOWN_MS);
            });
            wake = undefined;
            if (closed) break;
            if (!pending) {
              if (isLive()) write(": keepalive\n\n");
              else pending = true;
              continue;
            }
          }
          pending = false;
          const events = await readEvents(runId, cursor, PAGE);
          if (events.length === PAGE) pending = true;
          for (const event of events) {
            cursor = event.id;
            const text = format(event);
            if (text) write(text);
            if (options.ends?.(event)) {
              if (options.epilogue) write(options.epilogue);
              stop();
              break;
            }
          }
        }
      } catch (error) {
        console.error(`event stream of run ${runId} failed:`, error);
      } finally {
        stop();
        try {
          controller.close();
        } catch {
          // the client went away first
        }
      }
    },
    cancel: stop,
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      // nginx and similar proxies buffer responses unless told not to: a live stream must not wait.
      "x-accel-buffering": "no",
    },
  });
}
