"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { artifactKeys, fetchArtifacts } from "@/lib/artifacts/client/api";
import { isTerminal, type RunStatus } from "@/lib/runs/schemas";

/** How often the list is read again while the run may still upload: often on its own, rarely (a safety net) when events drive it. */
const POLL_MS = 3000;
const EVENT_DRIVEN_POLL_MS = 15_000;
/** At most one read per second however fast `artifact` events come (an ingest of 1,000 files sends 1,000). */
const LIVE_MIN_GAP_MS = 1000;

/**
 * A run's files, kept current while it runs: read again on every `liveKey` change (the run page
 * passes its count of `artifact` events and its status: `eventDriven`) and polled while the run is not over
 * or a file is still uploading.
 */
export function useRunArtifacts(runId: string, status: RunStatus, options: { share?: string; liveKey?: string | number; eventDriven?: boolean } = {}) {
  const query = useQuery({
    queryKey: artifactKeys.list(runId, options.share),
    queryFn: () => fetchArtifacts(runId, options.share),
    // A file may still be arriving just after the run ends. The list says the run's status too (a
    // share link's only source): once it is over, only files still uploading keep the page polling.
    refetchInterval: (q) => {
      const over = isTerminal(status) || (q.state.data !== undefined && isTerminal(q.state.data.runStatus));
      return !over || q.state.data?.summary.uploading ? (options.eventDriven ? EVENT_DRIVEN_POLL_MS : POLL_MS) : false;
    },
  });
  const { refetch } = query;
  const throttle = useRef({ last: 0, timer: undefined as ReturnType<typeof setTimeout> | undefined });
  useEffect(() => {
    if (options.liveKey === undefined) return;
    const t = throttle.current;
    const read = () => {
      t.timer = undefined;
      t.last = Date.now();
      // A read in flight is kept (the page and its tab share it), not cancelled and started again.
      void refetch({ cancelRefetch: false });
    };
    const wait = t.last + LIVE_MIN_GAP_MS - Date.now();
    if (wait <= 0) read();
    else t.timer ??= setTimeout(read, wait); // trailing: the last change is always read
  }, [options.liveKey, refetch]);
  useEffect(() => () => clearTimeout(throttle.current.timer), []);
  return query;
}
