import "server-only";
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { packFolder } from "@/lib/registry/pack/pack-folder";
import { publishVersion } from "@/lib/registry/publish-version";
import { receiveToTemp } from "@/lib/storage/receive-to-temp";
import type { LocalPlugin } from "./schemas";

/**
 * Packs a plugin folder as `synapse-hub publish` would and publishes it as a debug release (by the
 * hub itself, like the seeded examples); unchanged bytes are a no-op. Never throws: a refusal comes
 * back as the folder's errors.
 */
export async function registerFolder(folder: string): Promise<LocalPlugin> {
  const checkedAt = new Date().toISOString();
  const scratch = await mkdtemp(path.join(os.tmpdir(), "synapse-hub-local-"));
  try {
    const archive = path.join(scratch, `${path.basename(folder)}.zip`);
    await packFolder(folder, archive);
    const temp = await receiveToTemp(createReadStream(archive), env().ARCHIVE_MAX_BYTES);
    const result = await publishVersion(temp, null, undefined, { debug: true });
    return { folder, ok: true, code: result.plugin.code, version: result.version.version, message: null, errors: [], checkedAt };
  } catch (error) {
    const known = error instanceof AppError;
    return {
      folder,
      ok: false,
      code: null,
      version: null,
      message: known ? error.message : `Could not register it: ${(error as Error).message}`,
      errors: known ? (error.errors ?? []) : [],
      checkedAt,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
