"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Dropzone } from "@/components/ui/dropzone";
import { UploadPanel } from "@/components/ui/upload-panel";
import { useFileUpload } from "@/components/ui/use-file-upload";
import { ApiError } from "@/lib/api/api-error";
import { pluginKeys } from "@/lib/api/registry";
import { uploadArchive } from "@/lib/api/upload";
import { PublishErrors } from "./publish-errors";

const ACCEPTED = /\.(zip|tar\.gz|tgz)$/i;

export function PublishClient({ maxBytes }: { maxBytes: number }) {
  const queryClient = useQueryClient();
  const { file, progress, localError, upload, choose, cancel } = useFileUpload({
    accepted: ACCEPTED,
    wrongType: "Choose a .zip or .tar.gz archive.",
    noun: "archive",
    maxBytes,
    send: uploadArchive,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pluginKeys.all }),
  });

  const error = upload.error instanceof ApiError ? upload.error : null;
  return (
    <div className="space-y-4">
      <Dropzone
        onFile={choose}
        disabled={upload.isPending}
        title="Drop a plugin archive here"
        hint=".zip or .tar.gz"
        accept=".zip,.tar.gz,.tgz,application/zip,application/gzip"
        inputLabel="Plugin archive"
      />
      {file && (
        <UploadPanel
          file={file}
          pending={upload.isPending}
          progress={progress}
          processing="Validating archive…"
          onCancel={cancel}
          nameTestId="upload-file-name"
        >
          {localError && <PublishErrors message={localError} />}
          {error && <PublishErrors message={error.message} code={error.code} errors={error.errors} />}
          {upload.isSuccess && (
            <div
              role="status"
              className="mt-3 rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-900 dark:bg-green-950/40 dark:text-green-200"
            >
              {upload.data.created ? "Published " : "Already published (identical archive): "}
              <Link
                className="font-mono font-medium underline"
                href={`/plugins/${upload.data.plugin.code}?version=${encodeURIComponent(upload.data.version.version)}`}
              >
                {upload.data.plugin.code}@{upload.data.version.version}
              </Link>
              <span className="block text-xs text-green-800 dark:text-green-300">sha256 {upload.data.version.sha256}</span>
            </div>
          )}
        </UploadPanel>
      )}
    </div>
  );
}
