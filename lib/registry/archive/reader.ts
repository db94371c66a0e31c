import type { Readable } from "node:stream";

/** What the registry needs from an opened, fully checked archive. */
export type ArchiveReader = {
  /** Every file (not folder) path, normalised and sorted. */
  files: string[];
  /** Reads one file's bytes, or null when it is larger than `maxBytes`. */
  read(path: string, maxBytes: number): Promise<Buffer | null>;
  /** Streams one file (zip only: a tar.gz is read in one pass); null when there is no such file. */
  open?(path: string): Promise<Readable | null>;
  close(): Promise<void>;
};

/** Files worth keeping in memory during a single streaming pass (tar), so they need no second pass. */
export function isLikelyNeeded(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  return base === "config.yaml" || base === "synapse.yaml" || base.startsWith("readme") || base.endsWith(".md");
}
