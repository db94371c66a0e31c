import "server-only";
import { processSingleton } from "@/lib/process-singleton";
import type { RunEventDto } from "./schemas";

type Listener = (events: RunEventDto[]) => void;

/**
 * Events this instance has just appended, handed straight to this instance's live streams of the same
 * run, so a stream need not read back from Postgres what was written a moment ago. Streams use them only
 * when they continue exactly where the stream stands; anything else (a gap, another instance's writes,
 * told by NOTIFY) is read from the store, which stays the one truth.
 */
const listeners = processSingleton("run-local-fanout", () => new Map<string, Set<Listener>>());

export function onLocalEvents(runId: string, listener: Listener): () => void {
  let set = listeners.get(runId);
  if (!set) listeners.set(runId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(runId);
  };
}

export function publishLocal(runId: string, events: RunEventDto[]): void {
  for (const listener of listeners.get(runId) ?? []) listener(events);
}

export const hasLocalListeners = (runId: string): boolean => listeners.has(runId);
