import { AppError } from "@/lib/http/errors";

const MAX_PATH = 1024;
const MAX_SEGMENT_BYTES = 255;
const MAX_DEPTH = 32;

/**
 * An artifact's relative path, checked: `/`-separated segments, none empty, `.` or `..`, no
 * backslash or control character, so that it names the same file in the zip, in a browser's
 * download and on any ordinary filesystem it is unpacked on. Returns the normalised path.
 */
export function checkArtifactPath(raw: string | string[]): string {
  const segments = (Array.isArray(raw) ? raw : raw.split("/")).map((s) => s.normalize("NFC"));
  const joined = segments.join("/");
  const bad = (why: string) => new AppError("validation_failed", `The artifact path ${JSON.stringify(joined)} ${why}.`, [{ path: "path", message: why }]);
  if (joined.length === 0 || joined.length > MAX_PATH) throw bad(`must have 1 to ${MAX_PATH} characters`);
  if (segments.length > MAX_DEPTH) throw bad(`must be at most ${MAX_DEPTH} folders deep`);
  for (const segment of segments) {
    if (segment === "" || segment === "." || segment === "..") throw bad("must not hold empty, . or .. segments");
    if (/[\\\u0000-\u001f\u007f]/.test(segment)) throw bad("must not hold backslashes or control characters");
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) throw bad(`must not hold a name over ${MAX_SEGMENT_BYTES} bytes`);
  }
  return joined;
}
