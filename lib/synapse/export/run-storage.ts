import "server-only";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { computeRoot } from "@/lib/compute/local-backend/prepare";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { HUB_STORAGE } from "@/lib/projects/export-params";
import { isTerminal } from "@/lib/runs/schemas";
import { exportReader } from "./access";

export const runStorageDir = (runId: string) => path.join(computeRoot(), "runs", runId, "storage");

/**
 * The hub's one storage, id 1 "hub", as the SDK reads it (`POST storages/{id}/session/`, else
 * `GET storages/{id}/?with_configuration=true`): a `file_system` storage whose location, for a run's
 * token, is that run's own output folder on the hub's disk. The SDK writes its export there; when the
 * run ends the local backend ingests the folder as the run's artifacts (ingest-run-storage.ts).
 * A run on Ray cannot write to this disk, so it is refused rather than handed a path that does not
 * exist on its node. Once the run ended (its token still works a while) the folder is refused:
 * it was ingested and removed, and a new one would be ingested by nobody.
 */
export async function getSdkStorage(req: Request, id: number) {
  if (id !== HUB_STORAGE) throw new AppError("not_found", `No storage ${id}: the hub's one storage is ${HUB_STORAGE} ("hub").`);
  const reader = await exportReader(req);
  let configuration: { location?: string } = {};
  if (reader.kind === "run") {
    if (reader.backend !== "local") {
      throw new AppError(
        "backend_unavailable",
        "Storage 1 is a folder on the hub's disk, which a run on a Ray cluster cannot write to: upload files with PUT /api/v1/runs/{id}/artifacts/{path} instead.",
      );
    }
    const location = runStorageDir(reader.runId);
    await refuseIfEnded(reader.runId);
    await mkdir(location, { recursive: true });
    // The run may have ended between the check and the mkdir: the folder it made would then stay.
    await refuseIfEnded(reader.runId, () => rm(location, { recursive: true, force: true }));
    configuration = { location };
  }
  return { id: HUB_STORAGE, name: "hub", category: "internal", provider: "file_system", configuration, is_default: true };
}

async function refuseIfEnded(runId: string, undo?: () => Promise<void>): Promise<void> {
  const run = await db().run.findUnique({ where: { id: runId }, select: { status: true } });
  if (run && !isTerminal(run.status)) return;
  await undo?.();
  throw new AppError("run_finished", `The run already ended (${run?.status ?? "gone"}): its output folder was taken in and storage 1 is closed to it.`);
}

/** The session the SDK opens (contract 1, never expiring: a local folder has no credentials to renew). */
export async function openSdkStorageSession(req: Request, id: number) {
  const storage = await getSdkStorage(req, id);
  return { ...storage, storage_id: storage.id, contract_version: 1, expires_at: null };
}
