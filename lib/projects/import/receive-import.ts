import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { discardTemp } from "@/lib/storage/blob-store";
import { receiveUpload } from "@/lib/uploads/receive-upload";
import { importProject, type ImportResult } from "./import-project";
import { openImportSource } from "./sources";

/**
 * POST /api/v1/projects: the upload (multipart `file`, or the raw body) is streamed to a temp file
 * under the archive size cap, then read from there, so neither the archive nor any file of it is ever
 * whole in memory. The temp file is gone afterwards, imported or not.
 */
export async function receiveImport(req: Request, who: Principal): Promise<ImportResult> {
  const upload = await receiveUpload(req, env().ARCHIVE_MAX_BYTES, "file");
  try {
    const source = await openImportSource(upload.file.path, upload.file.size);
    try {
      return await importProject(source, who.user.id);
    } finally {
      await source.close();
    }
  } finally {
    await discardTemp(upload.file);
  }
}
