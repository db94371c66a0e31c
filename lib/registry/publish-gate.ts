import "server-only";
import { assertScope, type Principal } from "@/lib/auth/principal";
import { enforceRateLimit } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { assertCanManage } from "./plugin-access";
import { codeParam } from "./schemas";

/**
 * Who may publish, decided before a byte of the archive is read, so a refused client gets its
 * 401/403 at once instead of after uploading (and the hub inspecting) the whole archive. The archive's
 * own config.yaml is checked again after the upload (publishVersion): these checks only refuse early.
 */
export function assertMayPublishSomething(principal: Principal): void {
  if (principal.via !== "token") return;
  if (principal.scopes.some((scope) => scope === "publish" || scope.startsWith("publish:"))) return;
  throw new AppError("insufficient_scope", "This token lacks the publish (or publish:<code>) scope.");
}

/** A caller that may publish at all, within its publish rate limit (a token that cannot publish never uses it up). */
export async function admitPublisher(principal: Principal): Promise<void> {
  assertMayPublishSomething(principal);
  await enforceRateLimit("publish", principal.user.id);
}

/** When the request names the plugin (a form field or query parameter), its scope and ownership. */
export async function assertMayPublishCode(principal: Principal, code: string): Promise<void> {
  assertScope(principal, "publish", code);
  const plugin = await db().plugin.findUnique({ where: { code }, select: { id: true, code: true, ownerId: true } });
  if (plugin) await assertCanManage(db(), plugin, principal);
}

/** A code hint from the client: absent, or a plugin code (anything else is a 422 before the upload). */
export function parseCodeHint(value: string | null | undefined, path: string): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const parsed = codeParam.safeParse(value);
  if (!parsed.success) throw new AppError("validation_failed", `The ${path} is not a plugin code.`, [{ path, message: "must be a plugin code" }]);
  return parsed.data;
}
