import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import { assertCanManage } from "./plugin-access";
import type { PersonDto } from "./schemas";

async function pluginOrThrow(code: string) {
  const plugin = await db().plugin.findUnique({ where: { code }, select: { id: true, code: true, ownerId: true } });
  if (!plugin) throw notFound("plugin_not_found", `No plugin with code "${code}".`);
  return plugin;
}

/** Adds the account with `email` as a maintainer; only the owner and admins may (not maintainers). */
export async function addMaintainer(principal: Principal, code: string, email: string): Promise<PersonDto> {
  const plugin = await pluginOrThrow(code);
  assertOwnerOrAdmin(principal, plugin);
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, name: true } });
  if (!user) throw new AppError("validation_failed", `No account uses ${email}.`, [{ path: "email", message: "has no account on this hub" }]);
  if (user.id === plugin.ownerId) throw new AppError("validation_failed", "The owner is already in charge.", [{ path: "email", message: "is the owner" }]);
  await db().pluginMaintainer.upsert({
    where: { pluginId_userId: { pluginId: plugin.id, userId: user.id } },
    create: { pluginId: plugin.id, userId: user.id },
    update: {},
  });
  return user;
}

export async function removeMaintainer(principal: Principal, code: string, userId: string): Promise<void> {
  const plugin = await pluginOrThrow(code);
  // Maintainers may step down themselves; removing others is for the owner and admins.
  if (principal.user.id !== userId) assertOwnerOrAdmin(principal, plugin);
  else await assertCanManage(db(), plugin, principal);
  await db().pluginMaintainer.deleteMany({ where: { pluginId: plugin.id, userId } });
}

function assertOwnerOrAdmin(principal: Principal, plugin: { code: string; ownerId: string | null }): void {
  if (principal.user.role !== "admin" && plugin.ownerId !== principal.user.id) {
    throw new AppError("forbidden", `Only ${plugin.code}'s owner and admins can change its maintainers.`);
  }
}
