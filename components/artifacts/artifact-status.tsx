import type { ArtifactDto } from "@/lib/artifacts/schemas";

/** A file's state beside its name: nothing when uploaded, a spinner while uploading, a red mark with the reason when it failed. */
export function ArtifactStatusMark({ artifact }: { artifact: ArtifactDto }) {
  if (artifact.status === "uploaded") return null;
  if (artifact.status === "uploading")
    return (
      <span className="inline-flex shrink-0 items-center gap-1 text-xs text-sky-700 dark:text-sky-300" title="Uploading">
        <span aria-hidden className="size-2 animate-pulse rounded-full bg-sky-500" />
        uploading
      </span>
    );
  return (
    <span
      className="shrink-0 rounded-full bg-red-100 px-1.5 py-px text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-300"
      title={artifact.error ?? "The file failed"}
    >
      failed
    </span>
  );
}
