import { describe, expect, it } from "vitest";
import type { RunEventDto } from "@/lib/runs/schemas";
import { authHeaders, hubUrl } from "@/tests/helpers/hub";
import { allEvents, launchOk, publishRunnable, waitForRun } from "@/tests/helpers/runs";

/**
 * Reads SSE messages until `stopAfter` of them arrived, the stream ends, or nothing came for a while
 * (a finished run's stream stays open), then drops the connection.
 */
async function readSome(id: string, lastEventId: number | null, stopAfter: number): Promise<{ events: RunEventDto[]; ended: boolean }> {
  const controller = new AbortController();
  let idle: NodeJS.Timeout | undefined;
  const quiet = () => {
    clearTimeout(idle);
    idle = setTimeout(() => controller.abort(), 300);
  };
  const headers: Record<string, string> = { ...authHeaders(), accept: "text/event-stream" };
  if (lastEventId !== null) headers["last-event-id"] = String(lastEventId);
  const response = await fetch(`${hubUrl()}/api/v1/runs/${id}/events`, { headers, signal: controller.signal });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: RunEventDto[] = [];
  let buffer = "";
  try {
    while (events.length < stopAfter) {
      quiet();
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) return { events, ended: true };
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0 && events.length < stopAfter) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const id = /^id: (\d+)$/m.exec(message)?.[1];
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (!id || !data) continue;
        const event = JSON.parse(data) as RunEventDto;
        expect(event.id).toBe(Number(id));
        events.push(event);
      }
    }
    return { events, ended: false };
  } finally {
    clearTimeout(idle);
    controller.abort();
  }
}

describe("a run's event stream", () => {
  it("loses and repeats nothing across 100 forced disconnects (Last-Event-ID)", { timeout: 180_000 }, async () => {
    const code = await publishRunnable({
      chatty: {
        body: 'for i in range(1500):\n    ctx.log_message(f"step {i}")\n    if i % 10 == 0:\n        ctx.set_progress(i, 1500, "work")\n    time.sleep(0.004)\nreturn {"done": True}',
      },
    });
    const run = await launchOk({ plugin: code, action: "chatty" });
    const received: RunEventDto[] = [];
    let disconnects = 0;
    let last: number | null = null;
    for (;;) {
      const over = received.some((e) => e.type === "status" && ["succeeded", "failed", "cancelled"].includes((e.data as { status: string }).status));
      if (over && disconnects >= 100) break;
      const { events } = await readSome(run.id, last, 1 + Math.floor(Math.random() * 40));
      received.push(...events);
      if (events.length) last = events[events.length - 1].id;
      disconnects++;
      if (disconnects > 2000) throw new Error("the stream never reached the run's end");
    }
    expect(disconnects).toBeGreaterThanOrEqual(100);
    const stored = await allEvents(run.id);
    expect(received.length).toBe(stored.length);
    expect(received.map((e) => e.id)).toEqual(stored.map((e) => e.id));
    expect(received.map((e) => e.id)).toEqual(stored.map((_, i) => i + 1));
    const messages = received
      .filter((e) => e.type === "log" && (e.data as { source: string }).source === "plugin")
      .map((e) => (e.data as { message: string }).message);
    expect(messages.filter((m) => m.startsWith("step "))).toEqual(Array.from({ length: 1500 }, (_, i) => `step ${i}`));
  });

  it("answers JSON pages after a cursor, and streams from ?after= for a finished run", async () => {
    const code = await publishRunnable({ few: { body: 'for i in range(30):\n    ctx.log_message(f"m{i}")\nreturn 1' } });
    const run = await waitForRun((await launchOk({ plugin: code, action: "few" })).id);
    const all = await allEvents(run.id);
    const page = await (await fetch(`${hubUrl()}/api/v1/runs/${run.id}/events?after=5&limit=3`, { headers: authHeaders() })).json();
    expect(page.items.map((e: RunEventDto) => e.id)).toEqual([6, 7, 8]);
    expect(page.nextCursor).toBe(8);
    const logsOnly = await (await fetch(`${hubUrl()}/api/v1/runs/${run.id}/events?types=status`, { headers: authHeaders() })).json();
    expect(logsOnly.items.every((e: RunEventDto) => e.type === "status")).toBe(true);

    const { events } = await readSome(run.id, all.length - 3, 3);
    expect(events.map((e) => e.id)).toEqual([all.length - 2, all.length - 1, all.length]);

    const text = await (await fetch(`${hubUrl()}/api/v1/runs/${run.id}/logs`, { headers: authHeaders() })).text();
    expect(text).toContain("m29");
  });

  it("answers 404 for an unknown run, in JSON and as a stream", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect((await fetch(`${hubUrl()}/api/v1/runs/${id}/events`, { headers: authHeaders() })).status).toBe(404);
    expect((await fetch(`${hubUrl()}/api/v1/runs/${id}/events`, { headers: { ...authHeaders(), accept: "text/event-stream" } })).status).toBe(404);
  });
});
