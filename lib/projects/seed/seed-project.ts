import "server-only";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db/client";
import { importProject, type ImportResult } from "../import/import-project";
import { openImportSource } from "../import/sources";
import { writeExampleZip } from "./example-project";

const SEEDED = "example_project_seeded";
const SEED_LOCK = 7_351_002; // pg advisory lock id: one instance seeds, the others wait and skip

/**
 * Imports the example project once per database, through the same import as an upload (the zip
 * written to a temp file first), so a fresh hub has data to browse and export. The marker row is
 * written in the import's own transaction, under the lock: hubs starting together seed once, and a
 * crash at any point either committed the project with its marker or neither (then the next start
 * seeds again, once).
 */
export async function seedExampleProjectOnce(options: { marker?: string; name?: string } = {}): Promise<ImportResult | null> {
  const marker = options.marker ?? SEEDED;
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      if (await tx.hubMeta.findUnique({ where: { key: marker } })) return null;
      return importExample(marker, options.name).catch((error: unknown) => {
        if (error instanceof AlreadySeeded) return null;
        throw error;
      });
    },
    { timeout: 120_000 },
  );
}

class AlreadySeeded extends Error {}

async function importExample(marker: string, name?: string): Promise<ImportResult> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "synapse-hub-project-seed-"));
  try {
    const file = path.join(scratch, "example-shapes.zip");
    await writeExampleZip(file, name);
    const source = await openImportSource(file, (await stat(file)).size);
    try {
      return await importProject(source, null, {
        beforeCommit: async (client, projectId) => {
          // Another hub's marker can only be here if the lock was lost (this transaction timed out): then
          // its project stands, and this import rolls back.
          const written = await client.query("INSERT INTO hub_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", [
            marker,
            JSON.stringify({ projectId }),
          ]);
          if (written.rowCount === 0) throw new AlreadySeeded();
        },
      });
    } finally {
      await source.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
