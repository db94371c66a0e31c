import { open } from "node:fs/promises";
import { archiveError } from "./archive-error";

export type ArchiveFormat = "zip" | "tar.gz";

const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const EOCD = ZIP_EMPTY;
const EOCD_SEARCH = 65_535 + 22;

/**
 * Decides zip vs tar.gz from the bytes, never from the file name, and refuses polyglots: a file that
 * a zip reader and a tar reader would both accept could show different contents to each.
 */
export async function detectFormat(file: string, size: number): Promise<ArchiveFormat> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(Math.min(512, size));
    await handle.read(head, 0, head.length, 0);
    const tailLength = Math.min(EOCD_SEARCH, size);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const zipTail = tail.lastIndexOf(EOCD) !== -1;
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
      if (zipTail) throw archiveError("ambiguous_format", "The file is both a gzip-compressed tar and a zip archive.");
      return "tar.gz";
    }
    if (head.subarray(0, 4).equals(ZIP_LOCAL) || head.subarray(0, 4).equals(ZIP_EMPTY)) {
      if (isTarHeader(head)) throw archiveError("ambiguous_format", "The file is both a zip and a tar archive.");
      return "zip";
    }
    if (isTarHeader(head)) {
      if (zipTail) throw archiveError("ambiguous_format", "The file is both a tar and a zip archive.");
      throw archiveError("unsupported_format", "Uncompressed tar archives are not accepted; upload a .zip or a .tar.gz.");
    }
    throw archiveError("unsupported_format", "The file is neither a .zip nor a .tar.gz archive.");
  } finally {
    await handle.close();
  }
}

/** A 512-byte block whose header checksum is right is a tar header, with or without the ustar magic. */
export function isTarHeader(block: Buffer): boolean {
  if (block.length < 512) return false;
  const stored = parseInt(block.subarray(148, 156).toString("latin1").replace(/\0.*$/s, "").trim(), 8);
  if (!Number.isFinite(stored)) return false;
  let sum = 8 * 0x20; // the checksum field itself counts as spaces
  for (let i = 0; i < 512; i++) if (i < 148 || i >= 156) sum += block[i];
  return sum === stored;
}
