import "server-only";
import { pool } from "@/lib/db/pool";
import { AppError } from "@/lib/http/errors";
import { serveBlob } from "@/lib/storage/serve-blob";
import { checkFileSignature } from "./signed-file-url";

/** A task file's bytes, when it belongs to that project (ids in the URL are not trusted to match). */
export async function serveProjectFile(req: Request, projectId: number, fileId: number): Promise<Response> {
  const { rows } = await pool().query<{ sha256: string; file_name: string; content_type: string }>(
    `SELECT f.sha256, f.file_name, f.content_type FROM task_files f JOIN project_tasks t ON t.id = f.task_id WHERE f.id = $1 AND t.project_id = $2`,
    [fileId, projectId],
  );
  if (!rows[0]) throw new AppError("not_found", "No such file in this project.");
  return serveBlob(req, rows[0].sha256, rows[0].file_name, rows[0].content_type, { shared: false });
}

/**
 * A task file's bytes for a signed URL (signed-file-url.ts): the signature, not an account, says who
 * may read it. The name in the path is only there for the extension; the stored name is served.
 */
export async function serveSignedProjectFile(req: Request, fileId: number, expires: number, signature: string): Promise<Response> {
  checkFileSignature(fileId, expires, signature);
  const { rows } = await pool().query<{ sha256: string; file_name: string; content_type: string }>(
    `SELECT sha256, file_name, content_type FROM task_files WHERE id = $1`,
    [fileId],
  );
  if (!rows[0]) throw new AppError("not_found", "No such file.");
  return serveBlob(req, rows[0].sha256, rows[0].file_name, rows[0].content_type, { shared: false });
}
