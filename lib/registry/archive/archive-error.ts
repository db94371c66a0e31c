import { AppError } from "@/lib/http/errors";

/** Why an archive was refused; each reason is its own stable API error code. */
export type ArchiveRejection =
  | "unsupported_format"
  | "ambiguous_format"
  | "corrupt"
  | "too_large"
  | "uncompressed_too_large"
  | "too_many_entries"
  | "ratio_exceeded"
  | "path_too_deep"
  | "name_too_long"
  | "path_too_long"
  | "absolute_path"
  | "path_traversal"
  | "backslash_path"
  | "drive_letter"
  | "control_character"
  | "invalid_name"
  | "symlink"
  | "hardlink"
  | "special_file"
  | "duplicate_entry"
  | "encrypted_entry"
  | "unsupported_compression"
  | "empty";

export function archiveError(reason: ArchiveRejection, message: string): AppError {
  return new AppError(`archive_${reason}`, message);
}

/** Entry names go into messages JSON-quoted, so control characters stay visible and inert. */
export const quote = (name: string) => JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}…` : name);
