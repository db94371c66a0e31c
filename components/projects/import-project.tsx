"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Dropzone } from "@/components/ui/dropzone";
import { UploadPanel } from "@/components/ui/upload-panel";
import { useFileUpload } from "@/components/ui/use-file-upload";
import { ApiError } from "@/lib/api/api-error";
import { ImportErrors } from "./import-errors";
import { projectKeys, uploadProject } from "./project-api";

const ACCEPTED = /\.(zip|jsonl)$/i;
const plural = (n: number, noun: string) => `${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;

/** Uploads a project to POST /api/v1/projects: progress while it uploads, then the new project or every error. */
export function ImportProject({ maxBytes }: { maxBytes: number }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { file, progress, localError, upload, choose, cancel } = useFileUpload({
    accepted: ACCEPTED,
    wrongType: "Choose a .zip or a .jsonl file.",
    noun: "file",
    maxBytes,
    send: uploadProject,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.all });
      router.refresh();
    },
  });

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
        <UploadPanel
          file={file}
          pending={upload.isPending}
          progress={progress}
          processing="Importing: checking every line…"
          onCancel={cancel}
          nameTestId="import-file-name"
          label="Import"
        >
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
        </UploadPanel>
      )}
    </div>
  );
}
