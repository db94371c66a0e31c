import "server-only";
import { Readable } from "node:stream";
import { AppError } from "@/lib/http/errors";
import { blobSize, openBlob } from "./blob-store";
import { conditionalDownload } from "./conditional-download";
import { storedFileHeaders } from "./content-type";

/**
 * A download response for a blob: strong ETag (the sha256), Content-Length, conditional requests and
 * single byte ranges (conditional-download.ts).
 */
export async function serveBlob(
  req: Request,
  sha256: string,
  filename: string,
  contentType: string,
  { immutable = true, shared = true, inline = false } = {},
): Promise<Response> {
  const size = await blobSize(sha256);
  if (size === null) throw new AppError("internal", `Blob ${sha256} is missing from the store.`);
  const headers = {
    // An attachment unless `inline` is asked for a passive type; HTML/SVG always sandboxed (content-type.ts).
    ...storedFileHeaders(contentType, filename, { inline }),
    etag: `"${sha256}"`,
    // A URL naming an exact version never changes its bytes; one that resolves (`latest`) does.
    // `shared: false` (a hub without public read): no shared cache may hand the bytes to anyone else.
    "cache-control": `${shared ? "public" : "private"}, ${immutable ? "max-age=31536000, immutable" : "no-cache"}`,
  };
  return conditionalDownload(req, size, headers, (range) => Readable.toWeb(openBlob(sha256, range)) as ReadableStream<Uint8Array>);
}
