import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { every } from "@/lib/every";
import { forgetCatalog } from "./catalog-cache";
import { refreshPlugin } from "./refresh-plugin";

/**
 * Removes debug releases not (re)published for `maxAgeSeconds`. Runs that used one keep their rows
 * (their version reference becomes null; plugin code and version stay on the run); the archive's
 * blob is left to the orphan collector. Each plugin is handled under its row lock, like a publish,
 * and the age is checked again there, so a republish meanwhile keeps its release.
 */
export async function removeOldDebugReleases(maxAgeSeconds = env().DEBUG_RELEASE_MAX_AGE): Promise<number> {
  const cutoff = new Date(Date.now() - maxAgeSeconds * 1000);
  const stale = await db().pluginVersion.findMany({ where: { debug: true, updatedAt: { lt: cutoff } }, select: { pluginId: true } });
  let removed = 0;
  for (const pluginId of new Set(stale.map((row) => row.pluginId))) {
    removed += await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM plugins WHERE id = ${pluginId}::uuid FOR UPDATE`;
      const { count } = await tx.pluginVersion.deleteMany({ where: { pluginId, debug: true, updatedAt: { lt: cutoff } } });
      if (count) await refreshPlugin(tx, pluginId);
      return count;
    });
  }
  if (removed) forgetCatalog();
  return removed;
}

/** Sweeps now (without delaying start-up) and then every DEBUG_RELEASE_SWEEP_SECONDS, once per process. */
export function startDebugReleaseSweeper(): void {
  every("debug-release-sweeper", env().DEBUG_RELEASE_SWEEP_SECONDS * 1000, "remove old debug releases", async () => {
    const removed = await removeOldDebugReleases();
    if (removed) console.log(`Removed ${removed} debug release(s) older than DEBUG_RELEASE_MAX_AGE.`);
  });
}
