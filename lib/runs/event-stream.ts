import "server-only";
import { isLive, listen } from "@/lib/events/pg-feed";
import { clientGone } from "@/lib/http/client-gone";
import { readEvents } from "./event-store";
import { announcedSeq } from "./announce";
import { onLocalEvents } from "./local-fanout";
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
  /** false: no `retry:` line (the SDK's 2026 tail prints every line that is not `data:`). */
  retry?: boolean;
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
  let first = true;
  const gone = clientGone(req);

  // Events this instance wrote itself arrive here at once (local-fanout.ts); held until the next pull.
  let local: RunEventDto[] = [];
  const unlistenLocal = onLocalEvents(runId, (events) => {
    if (local.length + events.length > PAGE) local = []; // a slow reader: the store has them all
    local.push(...events);
    wake?.();
  });
  const unlisten = listen("run_events", (payload) => {
    if (payload !== null) {
      const seq = announcedSeq(payload, runId);
      // Not this run, or events already sent (from the local hand-over): nothing to read.
      if (seq === null || seq <= cursor) return;
    }
    pending = true;
    wake?.();
  });
  const stop = () => {
    closed = true;
    unlisten();
    unlistenLocal();
    wake?.();
  };
  /** The events handed over locally that continue exactly from the cursor, if any. */
  const takeLocal = (): RunEventDto[] => {
    const fresh = local.filter((event) => event.id > cursor);
    local = [];
    return fresh.length && fresh[0].id === cursor + 1 && fresh.every((e, i) => e.id === cursor + 1 + i) ? fresh : [];
  };
  gone.addEventListener("abort", stop, { once: true });

  /** Waits for this run's next notification, or for the keep-alive (or poll) interval. */
  const waitForNews = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, isLive() ? KEEPALIVE_MS : POLL_WHEN_DOWN_MS);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  // Pulled: the next page is read only when the client has taken the last one, so a slow client
  // holds at most a page in memory, never the whole run.
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // A pull must enqueue something before it returns: the stream asks again only after a chunk is read.
        let wrote = false;
        const write = (text: string) => {
          wrote = true;
          controller.enqueue(encoder.encode(text));
        };
        try {
          if (first) {
            first = false;
            write(`${options.retry === false ? "" : "retry: 2000\n"}${options.preamble ?? ""}`);
          }
          while (!closed) {
            if (!pending && local.length === 0) {
              await waitForNews();
              if (closed) break;
              if (!pending && local.length === 0) {
                if (isLive()) return write(": keepalive\n\n");
                pending = true; // the feed is down: look anyway
              }
            }
            let events = pending ? [] : takeLocal();
            if (events.length === 0) {
              // Nothing handed over that continues from the cursor (a gap, another instance's
              // writes, a notification): read the store, which has everything.
              pending = false;
              local = [];
              events = await readEvents(runId, cursor, PAGE);
              if (events.length === PAGE) pending = true;
            }
            if (events.length === 0) continue;
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
            if (!closed && wrote) return; // the next pull reads on
          }
        } catch (error) {
          console.error(`event stream of run ${runId} failed:`, error);
          stop();
        }
        try {
          controller.close();
        } catch {
          // the client went away first
        }
      },
      cancel: stop,
    },
    { highWaterMark: 1 },
  );
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      // nginx and similar proxies buffer responses unless told not to: a live stream must not wait.
      "x-accel-buffering": "no",
    },
  });
}
