import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatBytes } from "@/lib/format";

type Props = {
  file: File;
  pending: boolean;
  progress: number;
  /** What the bar says once every byte is sent and the server works on it. */
  processing: string;
  onCancel: () => void;
  nameTestId: string;
  label?: string;
  /** The refusal or the result. */
  children?: ReactNode;
};

/** The chosen file under a drop target: its name and size, the upload's progress and Cancel, then what came of it. */
export function UploadPanel({ file, pending, progress, processing, onCancel, nameTestId, label, children }: Props) {
  return (
    <section aria-live="polite" aria-label={label} className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate font-medium" data-testid={nameTestId}>
            {file.name}
          </p>
          <p className="text-xs text-zinc-500">{formatBytes(file.size)}</p>
        </div>
        {pending && (
          <Button variant="ghost" size="sm" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
      {pending && (
        <div className="mt-3">
          <ProgressBar percent={progress * 100} label={progress < 1 ? "Uploading" : processing} />
        </div>
      )}
      {children}
    </section>
  );
}
