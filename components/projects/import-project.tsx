"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ApiError } from "@/lib/api/api-error";
import { formatBytes } from "@/lib/format";
import { Dropzone } from "@/components/ui/dropzone";
import { ImportErrors } from "./import-errors";
import { projectKeys, uploadProject } from "./project-api";

const ACCEPTED = /\.(zip|jsonl)$/i;
const plural = (n: number, noun: string) => `${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;

/** Uploads a project to POST /api/v1/projects: progress while it uploads, then the new project or every error. */
export function ImportProject({ maxBytes }: { maxBytes: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [localError, setLocalError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const queryClient = useQueryClient();
  const router = useRouter();
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      abort.current = new AbortController();
      setProgress(0);
      return uploadProject(chosen, setProgress, abort.current.signal);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.all });
      router.refresh();
    },
  });

  function choose(next: File) {
    upload.reset();
    setFile(next);
    if (!ACCEPTED.test(next.name)) return setLocalError("Choose a .zip or a .jsonl file.");
    if (next.size > maxBytes) return setLocalError(`The file is ${formatBytes(next.size)}; the limit is ${formatBytes(maxBytes)}.`);
    setLocalError(null);
    upload.mutate(next);
  }

  const error = upload.error instanceof ApiError ? upload.error : null;
  return (
    <div className="space-y-3">
      <Dropzone
        onFile={choose}
        disabled={upload.isPending}
        title="Drop a project here"
        hint="a .zip (project.json, JSON Lines and files) or a single .jsonl"
        accept=".zip,.jsonl,application/zip"
        inputLabel="Project file"
        testId="project-dropzone"
        compact
      />
      {file && (
        <section aria-live="polite" aria-label="Import" className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="flex items-center justify-between gap-3">
            <div className="min-w-0">
              <p className="truncate font-medium" data-testid="import-file-name">
                {file.name}
              </p>
              <p className="text-xs text-zinc-500">{formatBytes(file.size)}</p>
            </div>
            {upload.isPending && (
              <Button variant="ghost" size="sm" onClick={() => abort.current?.abort()}>
                Cancel
              </Button>
            )}
          </div>
          {upload.isPending && (
            <div className="mt-3">
              <ProgressBar percent={progress * 100} label={progress < 1 ? "Uploading" : "Importing: checking every line…"} />
            </div>
          )}
          {localError && <ImportErrors message={localError} />}
          {error && <ImportErrors message={error.message} code={error.code} errors={error.errors} />}
          {upload.isSuccess && (
            <div
              role="status"
              className="mt-3 rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-900 dark:bg-green-950/40 dark:text-green-200"
            >
              Imported{" "}
              <Link className="font-medium underline" href={`/projects/${upload.data.id}`}>
                {upload.data.name}
              </Link>
              : {plural(upload.data.counts.tasks, "task")}, {plural(upload.data.counts.assignments, "assignment")},{" "}
              {plural(upload.data.counts.groundTruthEvents, "ground-truth event")}.
            </div>
          )}
        </section>
      )}
    </div>
  );
}
