import "server-only";
import { createHash } from "node:crypto";
import { open, type FileHandle } from "node:fs/promises";
import { AppError } from "@/lib/http/errors";
import { blobPath } from "@/lib/storage/blob-store";
import { conditionalDownload } from "@/lib/storage/conditional-download";
import { storedFileHeaders } from "@/lib/storage/content-type";
import { uploadedArtifacts } from "./list-artifacts";
import { layoutZip, sliceLayout, type ZipLayout } from "./zip-layout";

const CHUNK = 1024 * 1024;
/** Chunks read ahead of the socket: the disk works while the previous chunk is sent. */
const READ_AHEAD = 4;

/**
 * The run's uploaded files as one zip, streamed as it is read from the blob store: no temporary
 * copy, the first bytes at once, memory bounded by the read-ahead. The layout is a function of the
 * rows (zip-layout.ts), so the answer has a Content-Length, a strong ETag and byte ranges, and a
 * download broken off resumes where it stopped (If-Range keeps a changed result from being spliced).
 */
export async function serveRunZip(req: Request, runId: string, filename: string): Promise<Response> {
  const files = await uploadedArtifacts(runId);
  const layout = layoutZip(files.map((f) => ({ ...f, source: f.sha256 })));
  const etag = `"zip-${createHash("sha256")
    .update(JSON.stringify(files.map((f) => [f.path, f.sha256, f.modified.getTime()])))
    .digest("hex")
    .slice(0, 40)}"`;
  const headers = {
    ...storedFileHeaders("application/zip", filename),
    etag,
    "cache-control": "private, no-cache",
  };
  return conditionalDownload(req, layout.size, headers, ({ start, end }) => zipBody(layout, start, end));
}

function zipBody(layout: ZipLayout<string>, start: number, end: number): ReadableStream<Uint8Array> {
  const parts = sliceLayout(layout, start, end);
  let current: { handle: FileHandle; position: number; left: number } | null = null;
  const close = async () => {
    await current?.handle.close().catch(() => {});
    current = null;
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (current) {
            const size = Math.min(CHUNK, current.left);
            const chunk = Buffer.allocUnsafe(size);
            const { bytesRead } = await current.handle.read(chunk, 0, size, current.position);
            if (bytesRead === 0) throw new AppError("internal", "A blob of the result is shorter than its row says.");
            current.position += bytesRead;
            current.left -= bytesRead;
            controller.enqueue(bytesRead === size ? chunk : chunk.subarray(0, bytesRead));
            if (current.left === 0) await close();
            return;
          }
          const next = parts.next();
          if (next.done) return controller.close();
          const { segment, from, length } = next.value;
          if (segment.kind === "bytes") return controller.enqueue(segment.bytes.subarray(from, from + length));
          current = { handle: await open(blobPath(segment.source), "r"), position: from, left: length };
          return this.pull!(controller);
        } catch (error) {
          await close();
          controller.error(error);
        }
      },
      cancel: close,
    },
    { highWaterMark: READ_AHEAD },
  );
}
