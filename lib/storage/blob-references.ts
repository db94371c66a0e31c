import "server-only";
import { pool } from "@/lib/db/pool";

/**
 * Every column that points at a blob. A blob that none of them names is an orphan, which the
 * collector deletes (collect-orphans.ts): a table that starts storing blobs (run artifacts, say)
 * must be listed here, or its blobs will be collected.
 */
export const BLOB_REFERENCES: readonly { table: string; column: string }[] = [
  { table: "plugin_versions", column: "sha256" },
  { table: "task_files", column: "sha256" },
  { table: "run_artifacts", column: "sha256" },
];

/** Which of `hashes` some row points at. */
export async function referencedAmong(hashes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (hashes.length === 0) return found;
  for (const { table, column } of BLOB_REFERENCES) {
    const { rows } = await pool().query<{ sha256: string }>(`SELECT DISTINCT "${column}"::text AS sha256 FROM "${table}" WHERE "${column}" = ANY($1)`, [
      hashes,
    ]);
    for (const row of rows) found.add(row.sha256);
  }
  return found;
}
