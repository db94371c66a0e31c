"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api/api-error";
import { pluginKeys } from "@/lib/api/registry";
import { uploadArchive } from "@/lib/api/upload";
import { formatBytes } from "@/lib/format";
import { Dropzone } from "@/components/ui/dropzone";
import { ProgressBar } from "@/components/ui/progress-bar";
import { PublishErrors } from "./publish-errors";

const ACCEPTED = /\.(zip|tar\.gz|tgz)$/i;

export function PublishClient({ maxBytes }: { maxBytes: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [localError, setLocalError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: (archive: File) => {
      abort.current = new AbortController();
      setProgress(0);
      return uploadArchive(archive, setProgress, abort.current.signal);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pluginKeys.all }),
  });

  function choose(next: File) {
    publish.reset();
    setFile(next);
    if (!ACCEPTED.test(next.name)) return setLocalError("Choose a .zip or .tar.gz archive.");
    if (next.size > maxBytes) return setLocalError(`The archive is ${formatBytes(next.size)}; the limit is ${formatBytes(maxBytes)}.`);
    setLocalError(null);
    publish.mutate(next);
  }

  const error = publish.error instanceof ApiError ? publish.error : null;
  return (
    <div className="space-y-4">
      <Dropzone
        onFile={choose}
        disabled={publish.isPending}
        title="Drop a plugin archive here"
        hint=".zip or .tar.gz"
        accept=".zip,.tar.gz,.tgz,application/zip,application/gzip"
        inputLabel="Plugin archive"
      />
      {file && (
        <section aria-live="polite" className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="flex items-center justify-between gap-3">
            <div className="min-w-0">
              <p className="truncate font-medium" data-testid="upload-file-name">
                {file.name}
              </p>
              <p className="text-xs text-zinc-500">{formatBytes(file.size)}</p>
            </div>
            {publish.isPending && (
              <Button variant="ghost" size="sm" onClick={() => abort.current?.abort()}>
                Cancel
              </Button>
            )}
          </div>
          {publish.isPending && (
            <div className="mt-3">
              <ProgressBar percent={progress * 100} label={progress < 1 ? "Uploading" : "Validating archive…"} />
            </div>
          )}
          {localError && <PublishErrors message={localError} />}
          {error && <PublishErrors message={error.message} code={error.code} errors={error.errors} />}
          {publish.isSuccess && (
            <div
              role="status"
              className="mt-3 rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-900 dark:bg-green-950/40 dark:text-green-200"
            >
              {publish.data.created ? "Published " : "Already published (identical archive): "}
              <Link
                className="font-mono font-medium underline"
                href={`/plugins/${publish.data.plugin.code}?version=${encodeURIComponent(publish.data.version.version)}`}
              >
                {publish.data.plugin.code}@{publish.data.version.version}
              </Link>
              <span className="block text-xs text-green-800 dark:text-green-300">sha256 {publish.data.version.sha256}</span>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
