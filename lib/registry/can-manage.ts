import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { PluginDetail } from "./schemas";

/** Whether the viewer may publish, yank and manage maintainers (for showing the controls). */
export function canManage(user: SessionUser | null, plugin: Pick<PluginDetail, "owner" | "maintainers">): boolean {
  if (!user) return false;
  return user.role === "admin" || plugin.owner?.id === user.id || plugin.maintainers.some((m) => m.id === user.id);
}
