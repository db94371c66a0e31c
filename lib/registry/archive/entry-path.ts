import { archiveError, quote } from "./archive-error";
import type { ArchiveLimits } from "./limits";

// What an ordinary Linux filesystem can hold (NAME_MAX, PATH_MAX with its NUL), counted in the UTF-8
// bytes an extractor writes: runs unpack archives there, so an entry past these could never be
// unpacked and is refused at publish.
export const MAX_NAME_BYTES = 255;
export const MAX_PATH_BYTES = 4095;

/**
 * Checks one entry name from an archive and returns it normalised (no leading "./", no trailing "/").
 * Returns "" for the archive's own root folder entry ("./"), which callers skip.
 */
export function checkEntryPath(name: string, limits: Pick<ArchiveLimits, "maxDepth">): string {
  if (/[\u0000-\u001f\u007f]/.test(name)) throw archiveError("control_character", `Entry ${quote(name)} has a control character in its name.`);
  if (name.includes("\\")) throw archiveError("backslash_path", `Entry ${quote(name)} uses a backslash; archive paths must use "/".`);
  if (/^[A-Za-z]:/.test(name)) throw archiveError("drive_letter", `Entry ${quote(name)} starts with a drive letter.`);
  if (name.startsWith("/")) throw archiveError("absolute_path", `Entry ${quote(name)} is an absolute path.`);
  const segments = name.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.includes("..")) throw archiveError("path_traversal", `Entry ${quote(name)} climbs out of the archive with "..".`);
  if (segments.length > limits.maxDepth) {
    throw archiveError("path_too_deep", `Entry ${quote(name)} is ${segments.length} levels deep; the limit is ${limits.maxDepth}.`);
  }
  const long = segments.find((segment) => Buffer.byteLength(segment) > MAX_NAME_BYTES);
  if (long !== undefined) {
    throw archiveError("name_too_long", `Entry ${quote(name)} has a name of ${Buffer.byteLength(long)} bytes; Linux allows ${MAX_NAME_BYTES}.`);
  }
  const normalised = segments.join("/");
  if (Buffer.byteLength(normalised) > MAX_PATH_BYTES) {
    throw archiveError("path_too_long", `Entry ${quote(name)} has a path of ${Buffer.byteLength(normalised)} bytes; Linux allows ${MAX_PATH_BYTES}.`);
  }
  return normalised;
}

/** Zip names are UTF-8 when flagged (or when they decode cleanly), else CP437 in theory; Latin-1 is close enough to display. */
export function decodeEntryName(raw: Buffer, utf8Flag: boolean): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    if (utf8Flag) throw archiveError("invalid_name", `An entry name is not valid UTF-8 although the archive says it is.`);
    return raw.toString("latin1");
  }
}
