import "server-only";

export type ByteRange = { start: number; end: number };

/**
 * The answer to a GET or HEAD of `size` bytes with a strong ETag (in `headers.etag`): 304 when the
 * client holds it (If-None-Match), 416 for a range past the end, 206 for one satisfiable range that
 * If-Range (when sent) allows, else 200 with the whole. `body(range)` streams the bytes asked for; it is
 * not called for HEAD, 304, 416 or an empty representation.
 */
export function conditionalDownload(
  req: Request,
  size: number,
  headers: Record<string, string> & { etag: string },
  body: (range: ByteRange) => ReadableStream<Uint8Array>,
): Response {
  const { etag } = headers;
  const base = { ...headers, "accept-ranges": "bytes" };
  // If-None-Match compares weakly (RFC 9110 §13.1.2): a proxy that compressed the body sends W/"…" back.
  const weak = (tag: string) => tag.trim().replace(/^W\//, "");
  const held = req.headers.get("if-none-match")?.split(",");
  if (held?.some((t) => t.trim() === "*" || weak(t) === weak(etag))) return new Response(null, { status: 304, headers: base });
  // If-Range keeps a changed representation from being spliced onto the bytes the client already has:
  // when it does not match, the Range is ignored (the whole is sent), even one past the end.
  const ifRange = req.headers.get("if-range");
  const range = ifRange && ifRange !== etag ? null : parseRange(req.headers.get("range"), size);
  if (range === "unsatisfiable") return new Response(null, { status: 416, headers: { ...base, "content-range": `bytes */${size}` } });
  const partial = range;
  const { start, end } = partial ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : end - start + 1;
  const answer: Record<string, string> = { ...base, "content-length": String(length) };
  if (partial) answer["content-range"] = `bytes ${start}-${end}/${size}`;
  const stream = req.method === "HEAD" || length === 0 ? null : body({ start, end });
  return new Response(stream, { status: partial ? 206 : 200, headers: answer });
}

/** A single `Range: bytes=a-b`, `bytes=a-` or `bytes=-n` of `size` bytes; null (send it all) for anything else. */
export function parseRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
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
