"use client";

import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api/api-error";
import { artifactUrl } from "@/lib/artifacts/client/api";
import { JSON_PARSE_MAX, PREVIEW_BYTES, parseJsonLines, previewKind, type PreviewKind } from "@/lib/artifacts/client/preview-kind";
import type { ArtifactDto } from "@/lib/artifacts/schemas";
import { formatBytes } from "@/lib/format";
import { ImagePreview } from "./image-preview";
import { JsonTree } from "./json-tree";

type Props = { runId: string; artifact: ArtifactDto; share?: string };

/** A JSON Lines record this short reads best on its own line; a longer one folds. */
const INLINE_LINE_MAX = 160;
// A thumbnail downloads the whole image: past this, the preview would cost more than it shows.
const IMAGE_PREVIEW_MAX = 20 * 1024 * 1024;

/** The selected file: its facts, a download, and a preview that fits its kind. */
export function FilePreview({ runId, artifact, share }: Props) {
  const url = artifactUrl(runId, artifact.path, share);
  const kind = previewKind(artifact.path, artifact.contentType);
  return (
    <section aria-label={`Preview of ${artifact.path}`} className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="break-all font-mono text-sm font-semibold">{artifact.path}</h2>
          <p className="text-xs text-zinc-500">
            {artifact.status === "uploaded" ? formatBytes(artifact.size) : artifact.status} · {artifact.contentType.split(";")[0]}
            {artifact.sha256 && <span title={artifact.sha256}> · sha256 {artifact.sha256.slice(0, 12)}…</span>}
          </p>
        </div>
        {artifact.status === "uploaded" && (
          <Button variant="secondary" size="sm" href={url} download aria-label={`Download ${artifact.path}`}>
            Download
          </Button>
        )}
      </div>
      {artifact.status === "failed" ? (
        <Notice tone="error" title="This file failed">
          {artifact.error ?? "The run could not produce or upload it."}
        </Notice>
      ) : artifact.status === "uploading" ? (
        <Notice title="Still uploading">The preview appears once the upload completes.</Notice>
      ) : kind === "image" && artifact.size > IMAGE_PREVIEW_MAX ? (
        <Notice title="Too large to preview">This image is {formatBytes(artifact.size)}: download it to open it.</Notice>
      ) : kind === "image" ? (
        <ImagePreview url={url} name={artifact.path} />
      ) : kind === "none" ? (
        <Notice title="No preview for this kind of file">Download it to open it.</Notice>
      ) : (
        <TextualPreview url={url} artifact={artifact} kind={kind} />
      )}
    </section>
  );
}

function TextualPreview({ url, artifact, kind }: { url: string; artifact: ArtifactDto; kind: Exclude<PreviewKind, "image" | "none"> }) {
  // JSON small enough is parsed whole (folding needs all of it); anything else reads only its start.
  const whole = kind === "json" ? artifact.size <= JSON_PARSE_MAX : artifact.size <= PREVIEW_BYTES;
  const query = useQuery({
    queryKey: ["artifact-preview", url, artifact.sha256, whole],
    queryFn: async () => {
      const response = await fetch(url, { headers: whole ? {} : { range: `bytes=0-${PREVIEW_BYTES - 1}` } });
      if (!response.ok) throw await ApiError.from(response);
      return response.text();
    },
    staleTime: Infinity,
  });
  if (query.isPending) return <div className="h-40 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" aria-label="Loading the preview" />;
  if (query.isError)
    return (
      <Notice tone="error" title="The preview could not be loaded">
        {query.error.message}
      </Notice>
    );
  const text = query.data;
  const note = !whole && (
    <p className="text-xs text-zinc-500" data-testid="preview-truncated">
      Showing the first {formatBytes(PREVIEW_BYTES)} of {formatBytes(artifact.size)}: download the file for all of it.
    </p>
  );
  const box = "max-h-[65vh] overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-950";

  if (kind === "json" && whole) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return (
        <>
          <Notice tone="error" title="Not valid JSON">
            {error instanceof Error ? error.message : String(error)}
          </Notice>
          <pre className={`${box} whitespace-pre-wrap break-all font-mono text-xs`}>{text.slice(0, PREVIEW_BYTES)}</pre>
        </>
      );
    }
    return (
      <div className={box}>
        <JsonTree value={value} label={`${artifact.path} as JSON`} />
      </div>
    );
  }
  if (kind === "jsonl") {
    const lines = parseJsonLines(text, !whole);
    return (
      <>
        {note}
        <ol aria-label={`${artifact.path} lines`} className={`${box} space-y-1 font-mono text-xs`}>
          {lines.map((line) => (
            <li key={line.n} className="flex gap-3 border-b border-zinc-200 pb-1 last:border-0 dark:border-zinc-800">
              <span className="w-10 shrink-0 select-none text-right tabular-nums text-zinc-400">{line.n}</span>
              <div className="min-w-0 flex-1">
                {"error" in line ? (
                  <span className="text-red-700 dark:text-red-400" title={line.error}>
                    {line.text} — {line.error}
                  </span>
                ) : JSON.stringify(line.value).length <= INLINE_LINE_MAX ? (
                  <span className="break-all">{JSON.stringify(line.value)}</span>
                ) : (
                  <JsonTree value={line.value} label={`line ${line.n}`} openDepth={0} />
                )}
              </div>
            </li>
          ))}
        </ol>
      </>
    );
  }
  return (
    <>
      {note}
      <pre data-testid="text-preview" className={`${box} whitespace-pre font-mono text-xs leading-5`}>
        {text}
      </pre>
    </>
  );
}

function Notice({ title, children, tone = "info" }: { title: string; children: React.ReactNode; tone?: "info" | "error" }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-lg border px-4 py-3 text-sm ${
        tone === "error"
          ? "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
          : "border-zinc-200 bg-zinc-50 text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
      }`}
    >
      <p className="font-medium">{title}</p>
      <p className="mt-0.5 break-words">{children}</p>
    </div>
  );
}
