import type { Env } from "@/lib/env-schema";

export type ArchiveLimits = {
  maxBytes: number;
  maxUncompressedBytes: number;
  maxEntries: number;
  maxRatio: number;
  maxDepth: number;
};

/** Small archives of code legitimately compress very well (tar padding); the ratio limit only
 *  matters once there is enough data for a bomb to hurt. */
export const RATIO_FLOOR_BYTES = 8 * 1024 * 1024;

export function limitsFromEnv(e: Env): ArchiveLimits {
  return {
    maxBytes: e.ARCHIVE_MAX_BYTES,
    maxUncompressedBytes: e.ARCHIVE_MAX_UNCOMPRESSED_BYTES,
    maxEntries: e.ARCHIVE_MAX_ENTRIES,
    maxRatio: e.ARCHIVE_MAX_RATIO,
    maxDepth: e.ARCHIVE_MAX_DEPTH,
  };
}

export function exceedsRatio(uncompressed: number, compressed: number, limits: ArchiveLimits): boolean {
  return uncompressed > RATIO_FLOOR_BYTES && uncompressed > limits.maxRatio * Math.max(compressed, 1);
}
