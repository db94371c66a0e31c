// How the result page previews a file, and how much of it it reads (a range request: a 1 GiB
// export never crosses the network to be previewed).

export type PreviewKind = "json" | "jsonl" | "image" | "text" | "none";

const TEXT_EXTENSIONS = new Set(["txt", "log", "md", "csv", "tsv", "yaml", "yml", "xml", "py", "ini", "toml", "cfg", "html", "sh"]);

export function previewKind(path: string, contentType: string): PreviewKind {
  const ext = path.split("/").at(-1)!.split(".").at(-1)!.toLowerCase();
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (ext === "jsonl" || ext === "ndjson" || type === "application/x-ndjson") return "jsonl";
  if (ext === "json" || type === "application/json") return "json";
  if (type.startsWith("image/")) return "image";
  if (type.startsWith("text/") || TEXT_EXTENSIONS.has(ext) || type === "application/xml") return "text";
  return "none";
}

/** JSON is parsed whole (for folding) up to this size; past it the first PREVIEW_BYTES show as text. */
export const JSON_PARSE_MAX = 2 * 1024 * 1024;
/** What a text or JSON Lines preview reads of a larger file. */
export const PREVIEW_BYTES = 256 * 1024;
/** JSON Lines shown, at most. */
export const JSONL_MAX_LINES = 500;

export type JsonLine = { n: number; value: unknown } | { n: number; error: string; text: string };

/** The complete lines of a JSON Lines prefix, parsed one by one (a bad line is shown, not fatal). */
export function parseJsonLines(text: string, truncated: boolean): JsonLine[] {
  const lines = text.split("\n");
  if (truncated) lines.pop(); // cut in the middle by the range
  const out: JsonLine[] = [];
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    if (out.length >= JSONL_MAX_LINES) break;
    try {
      out.push({ n: i + 1, value: JSON.parse(line) });
    } catch (error) {
      out.push({ n: i + 1, error: error instanceof Error ? error.message : String(error), text: line.slice(0, 500) });
    }
  }
  return out;
}
