import "server-only";
import { assertScope, type Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { forgetCatalog } from "./catalog-cache";
import { assertCanManage } from "./plugin-access";
import { refreshPlugin } from "./refresh-plugin";
import type { VersionSummary } from "./schemas";
import { toVersionSummary } from "./serializers";

/** Yanks (or restores) a version: it stays downloadable but no longer counts as "latest". */
export async function setYanked(principal: Principal, code: string, version: string, yanked: boolean, reason?: string): Promise<VersionSummary> {
  assertScope(principal, "publish", code);
  const result = await db().$transaction(async (tx) => {
    const [plugin] = await tx.$queryRaw<
      { id: string; ownerId: string | null }[]
    >`SELECT id, owner_id AS "ownerId" FROM plugins WHERE code = ${code} FOR UPDATE`;
    if (!plugin) throw notFound("plugin_not_found", `No plugin with code "${code}".`);
    await assertCanManage(tx, { ...plugin, code }, principal);
    const key = { pluginId_version: { pluginId: plugin.id, version } };
    if (!(await tx.pluginVersion.findUnique({ where: key, select: { id: true } }))) {
      throw notFound("version_not_found", `${code} has no version "${version}".`);
    }
    const row = await tx.pluginVersion.update({
      where: key,
      data: yanked ? { yanked: true, yankReason: reason ?? null, yankedAt: new Date() } : { yanked: false, yankReason: null, yankedAt: null },
    });
    await refreshPlugin(tx, plugin.id);
    return toVersionSummary(code, row);
  });
  forgetCatalog();
  return result;
}
