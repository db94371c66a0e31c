import "server-only";
import { pool } from "@/lib/db/pool";
import { listen } from "@/lib/events/pg-feed";
import { processSingleton } from "@/lib/process-singleton";
import { onShutdown } from "@/lib/shutdown";

/**
 * The runs whose processes live in this instance, each with the controller that stops it. A cancel
 * reaches the right instance through NOTIFY run_cancel; in case a notification is lost (the feed
 * was down), the marks are also polled every few seconds.
 */
const registry = processSingleton("local-active-runs", () => ({ runs: new Map<string, AbortController>(), started: false, stopping: false }));

const POLL_MS = 3000;

export function trackRun(runId: string): AbortController {
  start();
  const controller = new AbortController();
  registry.runs.set(runId, controller);
  return controller;
}

export function untrackRun(runId: string): void {
  registry.runs.delete(runId);
}

export const isTracked = (runId: string): boolean => registry.runs.has(runId);

/** Whether this instance is shutting down: its runs are being stopped, not cancelled by anyone. */
export const isShuttingDown = (): boolean => registry.stopping;

/** On shutdown: stop every run of this instance (SIGTERM, then SIGKILL after the grace) and wait for their ends. */
async function stopAll(): Promise<void> {
  registry.stopping = true;
  for (const controller of registry.runs.values()) controller.abort();
  while (registry.runs.size > 0) await new Promise((resolve) => setTimeout(resolve, 100));
}

function start(): void {
  if (registry.started) return;
  registry.started = true;
  onShutdown("local runs", stopAll);
  listen("run_cancel", (payload) => {
    if (payload === null) return void poll(); // the feed went down or came back: look for ourselves
    registry.runs.get(payload)?.abort();
  });
  setInterval(() => void poll(), POLL_MS).unref();
}

async function poll(): Promise<void> {
  const ids = [...registry.runs.keys()];
  if (ids.length === 0) return;
  try {
    const { rows } = await pool().query<{ id: string }>("SELECT id FROM runs WHERE id = ANY($1::uuid[]) AND cancel_requested", [ids]);
    for (const row of rows) registry.runs.get(row.id)?.abort();
  } catch (error) {
    console.error("could not check runs for cancel requests:", error);
  }
}
