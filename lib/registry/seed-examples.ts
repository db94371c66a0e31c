import "server-only";
import { createReadStream } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { receiveToTemp } from "@/lib/storage/receive-to-temp";
import { env } from "@/lib/env";
import { packFolder } from "./pack/pack-folder";
import { publishVersion } from "./publish-version";

const SEEDED = "examples_seeded";
const SEED_LOCK = 7_351_001; // pg advisory lock id: one instance seeds, the others wait and skip

/** Publishes examples/plugins/* once per database, so a fresh hub has something to browse. */
export async function seedExamplesOnce(folder = path.resolve("examples/plugins")): Promise<string[]> {
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      if (await tx.hubMeta.findUnique({ where: { key: SEEDED } })) return [];
      const published = await publishFolders(folder);
      await tx.hubMeta.create({ data: { key: SEEDED, value: published as Prisma.InputJsonValue } });
      return published;
    },
    { timeout: 120_000 },
  );
}

async function publishFolders(folder: string): Promise<string[]> {
  const names = (await readdir(folder, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const scratch = await mkdtemp(path.join(os.tmpdir(), "synapse-hub-seed-"));
  const published: string[] = [];
  try {
    for (const name of names) {
      const archive = path.join(scratch, `${name}.zip`);
      await packFolder(path.join(folder, name), archive);
      const result = await publishVersion(await receiveToTemp(createReadStream(archive), env().ARCHIVE_MAX_BYTES), null);
      published.push(`${result.plugin.code}@${result.version.version}`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return published;
}
