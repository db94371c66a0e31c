import { archiveError, quote } from "./archive-error";
import { checkEntryPath } from "./entry-path";
import type { ArchiveLimits } from "./limits";

export type EntryKind = "file" | "dir";

/** Collects an archive's entries while it is read, enforcing the rules that span entries. */
export class EntryTracker {
  readonly kinds = new Map<string, EntryKind>();
  private count = 0;
  private declaredBytes = 0;

  constructor(private readonly limits: ArchiveLimits) {}

  /** Registers one entry; returns its normalised path, or null for the archive's root folder. */
  add(name: string, kind: EntryKind, size: number): string | null {
    this.count++;
    if (this.count > this.limits.maxEntries) {
      throw archiveError("too_many_entries", `The archive has more than ${this.limits.maxEntries} entries.`);
    }
    const normalised = checkEntryPath(name, this.limits);
    if (normalised === "") return null;
    const seen = this.kinds.get(normalised);
    if (seen && (seen === "file" || kind === "file")) {
      throw archiveError("duplicate_entry", `Entry ${quote(normalised)} appears more than once.`);
    }
    this.kinds.set(normalised, kind);
    this.declaredBytes += size;
    if (this.declaredBytes > this.limits.maxUncompressedBytes) {
      throw archiveError("uncompressed_too_large", `The archive unpacks to more than ${this.limits.maxUncompressedBytes} bytes.`);
    }
    return normalised;
  }

  /** A name cannot be a file and also the folder of another entry. */
  finish(): string[] {
    const files: string[] = [];
    for (const [name, kind] of this.kinds) {
      if (kind !== "file") continue;
      files.push(name);
      for (let cut = name.indexOf("/"); cut !== -1; cut = name.indexOf("/", cut + 1)) {
        if (this.kinds.get(name.slice(0, cut)) === "file") {
          throw archiveError("duplicate_entry", `${quote(name.slice(0, cut))} is both a file and a folder.`);
        }
      }
    }
    if (files.length === 0) throw archiveError("empty", "The archive holds no files.");
    return files.sort();
  }
}
