/**
 * What type a stored file is served as, by its name's extension (what a run or an import says is not
 * trusted), and the headers that keep any stored file from acting as a page of the hub.
 *
 * The policy: a file is someone's bytes served from the hub's origin. A type a browser runs as a
 * document with scripts (HTML, SVG, XML, anything not known to be passive) is always an attachment
 * and carries `Content-Security-Policy: sandbox`, so even opened directly (or with the disposition
 * stripped by a proxy) it runs in an opaque origin with no access to the hub's cookies or API.
 * `<img>` thumbnails of SVG still render: a subresource image never runs scripts. Every file is sent
 * with `nosniff`, so a browser never upgrades a text or unknown file to HTML.
 */

const TYPES: Record<string, string> = {
  json: "application/json",
  jsonl: "application/x-ndjson",
  ndjson: "application/x-ndjson",
  txt: "text/plain; charset=utf-8",
  log: "text/plain; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  tsv: "text/tab-separated-values; charset=utf-8",
  yaml: "text/yaml; charset=utf-8",
  yml: "text/yaml; charset=utf-8",
  xml: "application/xml",
  html: "text/html; charset=utf-8",
  htm: "text/html; charset=utf-8",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  bmp: "image/bmp",
  svg: "image/svg+xml",
  mp4: "video/mp4",
  webm: "video/webm",
  wav: "audio/wav",
  mp3: "audio/mpeg",
  pdf: "application/pdf",
  zip: "application/zip",
  gz: "application/gzip",
  pt: "application/octet-stream",
};

/** The content type a file named `name` (a bare name or a `/`-separated path) is served with. */
export function contentTypeOf(name: string): string {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return (dot >= 0 && TYPES[base.slice(dot + 1).toLowerCase()]) || "application/octet-stream";
}

// Types a browser shows without running anything of the file's: safe to open inline on the hub's origin.
const PASSIVE =
  /^(image\/(png|jpeg|gif|webp|bmp)|text\/(plain|csv|tab-separated-values|markdown|yaml)|application\/(json|x-ndjson|octet-stream|zip|gzip)|video\/(mp4|webm)|audio\/(wav|mpeg))$/;

/** Whether a browser might run the file as a document of the hub's origin (HTML, SVG, XML, an unknown type). */
export function isActiveContent(contentType: string): boolean {
  return !PASSIVE.test(contentType.split(";")[0].trim().toLowerCase());
}

/**
 * The headers a stored file is served with: its type, `nosniff`, and a disposition. `inline` is
 * honoured for passive types only; an active one is an attachment in a sandbox whatever is asked.
 */
export function storedFileHeaders(contentType: string, filename: string, { inline = false } = {}): Record<string, string> {
  const active = isActiveContent(contentType);
  const safeName = filename.replace(/[^\w.@+-]/g, "_");
  return {
    "content-type": contentType,
    "x-content-type-options": "nosniff",
    "content-disposition": `${inline && !active ? "inline" : "attachment"}; filename="${safeName}"`,
    ...(active ? { "content-security-policy": "sandbox" } : {}),
  };
}
