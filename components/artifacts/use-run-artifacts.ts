"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { artifactKeys, fetchArtifacts } from "@/lib/artifacts/client/api";
import { isTerminal, type RunStatus } from "@/lib/runs/schemas";

/** How often the list is read again while the run may still upload: often on its own, rarely (a safety net) when events drive it. */
const POLL_MS = 3000;
const EVENT_DRIVEN_POLL_MS = 15_000;

/**
 * A run's files, kept current while it runs: read again on every `liveKey` change (the run page
 * passes its count of `artifact` events and its status: `eventDriven`) and polled while the run is not over
 * or a file is still uploading.
 */
export function useRunArtifacts(runId: string, status: RunStatus, options: { share?: string; liveKey?: string | number; eventDriven?: boolean } = {}) {
  const query = useQuery({
    queryKey: artifactKeys.list(runId, options.share),
    queryFn: () => fetchArtifacts(runId, options.share),
    // A file may still be arriving just after the run ends.
    refetchInterval: (q) => (!isTerminal(status) || q.state.data?.summary.uploading ? (options.eventDriven ? EVENT_DRIVEN_POLL_MS : POLL_MS) : false),
  });
  const { refetch } = query;
  useEffect(() => {
    if (options.liveKey !== undefined) void refetch();
  }, [options.liveKey, refetch]);
  return query;
}
