import "server-only";
import { rm } from "node:fs/promises";
import { ingestFolder } from "@/lib/artifacts/ingest-folder";
import { runStorageDir } from "./run-storage";

/**
 * When a local run ends: what it wrote to the hub's storage (storage 1, its own folder: an SDK
 * export's output) becomes its artifacts, before the run is seen as ended, so a finished export
 * already lists its files. The folder goes afterwards, also when the ingest failed: a folder left
 * behind would be ingested by nobody (and a late write to it is refused, run-storage.ts).
 */
export async function ingestRunStorage(runId: string, log: (line: string, level?: "info" | "warning") => void): Promise<void> {
  const folder = runStorageDir(runId);
  const started = Date.now();
  try {
    const summary = await ingestFolder(runId, folder);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const skipped = summary.skipped.length;
    if (summary.uploaded || summary.failed || skipped) {
      const failed = summary.failed ? `; ${summary.failed} could not be taken (listed as failed)` : "";
      const names = summary.skipped.slice(0, 3).map((name) => JSON.stringify(name.slice(0, 200)));
      const skippedNote = skipped ? `; ${skipped} skipped, their names cannot be artifact paths (${names.join(", ")}${skipped > 3 ? ", …" : ""})` : "";
      log(
        `Stored ${summary.uploaded} file(s) of the run's output (${summary.bytes} bytes) as its artifacts in ${seconds} s${failed}${skippedNote}.`,
        summary.failed || skipped ? "warning" : "info",
      );
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
