import "server-only";
import { db } from "@/lib/db/client";
import type { PluginSummary } from "./schemas";
import { toPluginSummary } from "./serializers";

/** Plugins a person owns or maintains, most recently updated first. */
export async function listPluginsOf(userId: string): Promise<PluginSummary[]> {
  const rows = await db().plugin.findMany({
    where: { OR: [{ ownerId: userId }, { maintainers: { some: { userId } } }] },
    orderBy: { updatedAt: "desc" },
    take: 500,
  });
  return rows.map(toPluginSummary);
}
