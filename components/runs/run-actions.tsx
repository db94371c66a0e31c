"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api/api-error";
import { cancelRun, runAgain, runKeys } from "@/lib/runs/client/api";
import { isTerminal, type RunDto, type RunStatus } from "@/lib/runs/schemas";

/** Cancel (asks first) while the run lives; Run again launches the same version, action and params. */
export function RunActions({ run, status }: { run: RunDto; status: RunStatus }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation({
    mutationFn: () => cancelRun(run.id),
    onSettled: () => {
      setConfirming(false);
      // A run that finished meanwhile answers 409 run_finished: either way, show what it is now.
      return queryClient.invalidateQueries({ queryKey: runKeys.detail(run.id) });
    },
  });
  const again = useMutation({
    mutationFn: () => runAgain(run),
    onSuccess: (next) => {
      void queryClient.invalidateQueries({ queryKey: runKeys.all });
      router.push(`/runs/${next.id}`);
    },
  });
  const error = again.error ?? (cancel.error instanceof ApiError && cancel.error.code === "run_finished" ? null : cancel.error);

  return (
    <div className="flex flex-col items-stretch gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2 sm:justify-end">
        {!isTerminal(status) &&
          (confirming ? (
            <>
              <Button variant="danger" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
                {cancel.isPending ? "Cancelling…" : "Yes, cancel run"}
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)} disabled={cancel.isPending}>
                Keep running
              </Button>
            </>
          ) : (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              Cancel
            </Button>
          ))}
        <Button variant="secondary" onClick={() => again.mutate()} disabled={again.isPending}>
          {again.isPending ? "Launching…" : "Run again"}
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      )}
    </div>
  );
}
