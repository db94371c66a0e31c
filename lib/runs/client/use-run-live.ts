"use client";
// The live state of one run in the browser: refolded from event 0 on every page load, so a reload
// mid-run shows everything, then kept current by the event stream.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { runKeys } from "./api";
import { followRun } from "./follow-run";
import { RunLiveState, type RunLiveSnapshot } from "./run-live-state";

export type RunLive = { state: RunLiveState; snapshot: RunLiveSnapshot; error: Error | null };

export function useRunLive(id: string): RunLive {
  const queryClient = useQueryClient();
  const live = useMemo(() => new LiveStore(), [id]); // eslint-disable-line react-hooks/exhaustive-deps -- a new run starts from nothing
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    let lastStatus = live.state.snapshot().status;
    const stop = followRun(id, live.state, {
      onChange: () => {
        live.changed();
        // A status change moves the run's timings: read them again rather than guess them.
        const status = live.state.snapshot().status;
        if (status !== lastStatus) {
          lastStatus = status;
          void queryClient.invalidateQueries({ queryKey: runKeys.detail(id) });
        }
      },
      // Everything is in: read the run once more for its final timings and result.
      onDone: () => void queryClient.invalidateQueries({ queryKey: runKeys.detail(id) }),
      onError: setError,
    });
    return stop;
  }, [id, live, queryClient]);

  const snapshot = useSyncExternalStore(live.subscribe, live.getSnapshot, live.getSnapshot);
  return { state: live.state, snapshot, error };
}

/** Hands React a new snapshot at most once a frame, however fast events arrive. */
class LiveStore {
  readonly state = new RunLiveState();
  private readonly listeners = new Set<() => void>();
  private current = this.state.snapshot();
  private frame: number | null = null;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.current;

  changed(): void {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.current = this.state.snapshot();
      for (const listener of this.listeners) listener();
    });
  }
}
