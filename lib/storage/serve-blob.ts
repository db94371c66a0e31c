import "server-only";
import { Readable } from "node:stream";
import { AppError } from "@/lib/http/errors";
import { blobSize, openBlob } from "./blob-store";
import { storedFileHeaders } from "./content-type";

/**
 * A download response for a blob: strong ETag (the sha256), Content-Length, conditional requests and
 * single byte ranges (`Range: bytes=a-b`, `bytes=a-`, `bytes=-n`).
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
  const etag = `"${sha256}"`;
  const headers: Record<string, string> = {
    // An attachment unless `inline` is asked for a passive type; HTML/SVG always sandboxed (content-type.ts).
    ...storedFileHeaders(contentType, filename, { inline }),
    etag,
    "accept-ranges": "bytes",
    // A URL naming an exact version never changes its bytes; one that resolves (`latest`) does.
    // `shared: false` (a hub without public read): no shared cache may hand the bytes to anyone else.
    "cache-control": `${shared ? "public" : "private"}, ${immutable ? "max-age=31536000, immutable" : "no-cache"}`,
  };
  if (
    req.headers
      .get("if-none-match")
      ?.split(",")
      .some((t) => t.trim() === etag)
  ) {
    return new Response(null, { status: 304, headers });
  }
  const range = parseRange(req.headers.get("range"), size);
  const ifRange = req.headers.get("if-range");
  if (range === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${size}` } });
  }
  if (range && (!ifRange || ifRange === etag) && req.method !== "HEAD") {
    const body = Readable.toWeb(openBlob(sha256, range)) as ReadableStream;
    return new Response(body, {
      status: 206,
      headers: { ...headers, "content-length": String(range.end - range.start + 1), "content-range": `bytes ${range.start}-${range.end}/${size}` },
    });
  }
  const body = size === 0 || req.method === "HEAD" ? null : (Readable.toWeb(openBlob(sha256)) as ReadableStream);
  return new Response(body, { status: 200, headers: { ...headers, "content-length": String(size) } });
}

export function parseRange(header: string | null, size: number): { start: number; end: number } | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null; // multi-range or garbage: send it all
  let start: number;
  let end: number;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0) return "unsatisfiable";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}
