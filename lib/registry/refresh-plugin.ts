import "server-only";
import { NOTIFY_CATALOG_SQL } from "@/lib/events/catalog-changes";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PluginConfig } from "./config/normalize-config";
import { latestVersion } from "./latest-version";

/**
 * Recomputes a plugin's listing fields from its versions. Called inside the transaction that changed
 * a version, with the plugin row locked, so the listing can never disagree with the versions; it
 * also tells every instance that the catalog changed (delivered when the transaction commits).
 */
export async function refreshPlugin(tx: Prisma.TransactionClient, pluginId: string): Promise<void> {
  const versions = await tx.pluginVersion.findMany({ where: { pluginId }, select: { version: true, yanked: true, debug: true } });
  const latest = latestVersion(versions);
  // A plugin with only debug releases takes its listing from the newest of them (it stays out of the catalog).
  const source = latest
    ? await tx.pluginVersion.findUniqueOrThrow({ where: { pluginId_version: { pluginId, version: latest } } })
    : await tx.pluginVersion.findFirst({ where: { pluginId, debug: true }, orderBy: { updatedAt: "desc" } });
  const config = source?.config as unknown as PluginConfig | undefined;
  await tx.$executeRawUnsafe(NOTIFY_CATALOG_SQL);
  await tx.plugin.update({
    where: { id: pluginId },
    data: {
      latestVersion: latest,
      // Releases only: a plugin whose count is 0 has only debug releases and is left out of the catalog.
      versionCount: versions.filter((v) => !v.debug).length,
      updatedAt: new Date(),
      ...(config ? { name: config.name, category: config.category, description: config.description } : {}),
    },
  });
}
