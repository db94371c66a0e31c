import "server-only";
import { rm } from "node:fs/promises";
import { ingestFolder } from "@/lib/artifacts/ingest-folder";
import { runStorageDir } from "./run-storage";

/**
 * When a local run ends: what it wrote to the hub's storage (storage 1, its own folder: an SDK
 * export's output) becomes its artifacts, before the run is seen as ended, so a finished export
 * already lists its files. The folder goes once its files are in the blob store.
 */
export async function ingestRunStorage(runId: string, log: (line: string, level?: "info" | "warning") => void): Promise<void> {
  const folder = runStorageDir(runId);
  const started = Date.now();
  const summary = await ingestFolder(runId, folder);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (summary.uploaded || summary.failed) {
    const failed = summary.failed ? `; ${summary.failed} could not be taken (listed as failed)` : "";
    log(
      `Stored ${summary.uploaded} file(s) of the run's output (${summary.bytes} bytes) as its artifacts in ${seconds} s${failed}.`,
      summary.failed ? "warning" : "info",
    );
  }
  await rm(folder, { recursive: true, force: true });
}
