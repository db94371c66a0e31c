// Uploads with progress: fetch() cannot report upload progress, XMLHttpRequest can.
import type { PublishResult } from "@/lib/registry/schemas";
import { ApiError } from "./api-error";

export const uploadArchive = (file: File, onProgress: (fraction: number) => void, signal?: AbortSignal) =>
  uploadFile<PublishResult>("/api/v1/plugins", file, onProgress, signal, "Upload failed");

/** POSTs `file` as the multipart field `file`; a refusal rejects with its problem+json as an ApiError (`failed` when it has none). */
export function uploadFile<T>(url: string, file: File, onProgress: (fraction: number) => void, signal: AbortSignal | undefined, failed: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append("file", file);
    xhr.open("POST", url);
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      const body = safeJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const problem = (body ?? {}) as { code?: string; detail?: string; errors?: ApiError["errors"] };
      reject(new ApiError(xhr.status, problem.code ?? "http_error", problem.detail ?? `${failed} (${xhr.status})`, problem.errors ?? []));
    };
    xhr.onerror = () => reject(new ApiError(0, "network_error", "The upload could not reach the hub. Check your connection and try again."));
    xhr.onabort = () => reject(new ApiError(0, "aborted", "The upload was cancelled."));
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(form);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
