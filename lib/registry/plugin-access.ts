import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";

type Client = Pick<Prisma.TransactionClient, "pluginMaintainer">;

/** Publishing, yanking and settings of a plugin belong to its owner, its maintainers and admins. */
export async function assertCanManage(client: Client, plugin: { id: string; code: string; ownerId: string | null }, principal: Principal): Promise<void> {
  if (principal.user.role === "admin" || plugin.ownerId === principal.user.id) return;
  const maintainer = await client.pluginMaintainer.findUnique({ where: { pluginId_userId: { pluginId: plugin.id, userId: principal.user.id } } });
  if (!maintainer) throw new AppError("forbidden", `Only ${plugin.code}'s owner, its maintainers and admins can change it.`);
}
