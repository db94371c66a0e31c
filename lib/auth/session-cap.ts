import "server-only";
import { setShouldSkipSessionRefresh } from "better-auth/api";
import { db } from "@/lib/db/client";
import type { HookContext } from "./sign-in-guard";
import { ABSOLUTE_SESSION_MS } from "./session-limits";

// Sessions slide (auth.ts) but never past ABSOLUTE_SESSION_MS since sign-in.

const limitOf = (createdAt: Date | string) => new Date(new Date(createdAt).getTime() + ABSOLUTE_SESSION_MS);

/** The session update hook: a renewal never carries the expiry past the absolute limit. */
export function capRenewal<T extends { expiresAt?: Date | string }>(data: T, createdAt: Date | string | undefined): T | undefined {
  if (!createdAt || !data.expiresAt) return;
  const limit = limitOf(createdAt);
  if (new Date(data.expiresAt) > limit) return { ...data, expiresAt: limit };
}

/**
 * Before a session lookup: once a renewal has set a session's expiry to its limit, no renewal can
 * move it, but better-auth would still "renew" it on every lookup of its last days (its test looks
 * only at how near the expiry is), writing the row and re-sending the cookie each time. Skip those.
 * (An expiry past the limit, from before the limit existed, is still renewed once: down to it.)
 */
export async function skipRenewalAtLimit(ctx: HookContext): Promise<void> {
  if (ctx.path !== "/get-session" || (ctx.query as { disableRefresh?: unknown } | undefined)?.disableRefresh) return;
  const token = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
  if (!token) return;
  const session = await db().session.findUnique({ where: { token }, select: { createdAt: true, expiresAt: true } });
  if (session && Math.abs(session.expiresAt.getTime() - limitOf(session.createdAt).getTime()) < 1000) await setShouldSkipSessionRefresh(true);
}
