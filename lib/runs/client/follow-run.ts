// Follows one run's events into a RunLiveState: the JSON pages first (a long run can have hundreds of
// thousands of events, which a page of 5,000 carries far faster than a stream), then the SSE stream
// from the last id. Stops once a terminal status has arrived and nothing newer is left to page.
import { ApiError } from "@/lib/api/api-error";
import { runEventListSchema, runEventSchema } from "@/lib/runs/schemas";
import { fetchRunEvents, runEventsStreamUrl } from "./api";
import type { RunLiveState } from "./run-live-state";

type Handlers = { onChange: () => void; onDone: () => void; onError: (error: Error) => void };

/** Starts following; the answer stops it (safe to call twice). */
export function followRun(id: string, state: RunLiveState, { onChange, onDone, onError }: Handlers): () => void {
  let stopped = false;
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  async function catchUp(): Promise<void> {
    for (;;) {
      const page = runEventListSchema.parse(await fetchRunEvents(id, state.lastEventId));
      if (stopped) return;
      if (state.apply(page.items)) onChange();
      if (page.nextCursor === null || page.items.length === 0) return;
    }
  }

  async function start(): Promise<void> {
    try {
      await catchUp();
      failures = 0;
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) return fail(error);
      return later();
    }
    if (stopped) return;
    if (state.terminal) return finish();
    open();
  }

  function open(): void {
    const stream = new EventSource(runEventsStreamUrl(id, state.lastEventId));
    source = stream;
    // The hub sends every event as the default `message`, with the whole event as JSON data.
    stream.onmessage = (message) => {
      const parsed = runEventSchema.safeParse(safeJson(message.data));
      if (!parsed.success || stopped) return;
      if (parsed.data.id > state.lastEventId + 1) {
        // Ids grow by one: a gap means something was missed; page it rather than skip it.
        close();
        void start();
        return;
      }
      if (state.apply([parsed.data])) onChange();
      if (state.terminal) {
        close();
        void start(); // pages whatever came after the terminal status, then finishes
      }
    };
    // While the stream is CONNECTING the browser retries by itself, sending Last-Event-ID; a CLOSED
    // stream (an error answer) is ours to restart.
    stream.onerror = () => {
      if (stream.readyState !== EventSource.CLOSED || source !== stream) return;
      close();
      later();
    };
  }

  function close(): void {
    source?.close();
    source = null;
  }

  function later(): void {
    if (stopped) return;
    failures++;
    retry = setTimeout(() => void start(), Math.min(10_000, 500 * 2 ** failures));
  }

  function finish(): void {
    close();
    if (!stopped) onDone();
  }

  function fail(error: Error): void {
    close();
    if (!stopped) onError(error);
  }

  void start();
  return () => {
    stopped = true;
    clearTimeout(retry);
    close();
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
