import "server-only";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { computeRoot } from "@/lib/compute/local-backend/prepare";
import { AppError } from "@/lib/http/errors";
import { exportReader } from "./access";

/**
 * The hub's one storage, id 1 "hub", as the SDK reads it (`POST storages/{id}/session/`, else
 * `GET storages/{id}/?with_configuration=true`): a `file_system` storage whose location, for a run's
 * token, is that run's own output folder on the hub's disk. The SDK writes its export there; when the
 * run ends the local backend ingests the folder as the run's artifacts (ingest-run-storage.ts).
 * A run on Ray cannot write to this disk, so it is refused rather than handed a path that does not
 * exist on its node.
 */
export const HUB_STORAGE_ID = 1;

export const runStorageDir = (runId: string) => path.join(computeRoot(), "runs", runId, "storage");

export async function getSdkStorage(req: Request, id: number) {
  if (id !== HUB_STORAGE_ID) throw new AppError("not_found", `No storage ${id}: the hub's one storage is ${HUB_STORAGE_ID} ("hub").`);
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
    await mkdir(location, { recursive: true });
    configuration = { location };
  }
  return { id: HUB_STORAGE_ID, name: "hub", category: "internal", provider: "file_system", configuration, is_default: true };
}

/** The session the SDK opens (contract 1, never expiring: a local folder has no credentials to renew). */
export async function openSdkStorageSession(req: Request, id: number) {
  const storage = await getSdkStorage(req, id);
  return { ...storage, storage_id: storage.id, contract_version: 1, expires_at: null };
}
