import "server-only";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { APIError, isAPIError, type createAuthMiddleware } from "better-auth/api";
import { clientAddress } from "@/lib/http/client-address";
import { recordSignInFailure, recordSignInSuccess, signInAllowance, type SignInAttempt } from "./sign-in-attempts";

// better-auth's per-address limits do not stop guessing at one account; these per-account ones
// do, without letting a stranger lock its owner out (sign-in-attempts.ts).

export type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/**
 * The browser's device id: random, signed with the hub's secret, httpOnly, sent only to the sign-in
 * endpoints. Set at every successful sign-in, it makes the owner's browser a known device of the
 * account whatever address it comes from next.
 */
const DEVICE_COOKIE = "known_device";
const DEVICE_COOKIE_MAX_AGE = 400 * 24 * 60 * 60; // the longest browsers keep a cookie

/** Before a sign-in: refuse an unknown device that has failed this account too often, before the password is checked. */
export async function beforeSignIn(ctx: HookContext): Promise<void> {
  const attempt = ctx.path === "/sign-in/email" ? await attemptOf(ctx) : null;
  if (!attempt) return;
  const { waitSeconds, slowDownMs } = await signInAllowance(attempt);
  if (waitSeconds > 0) {
    const message = `Too many failed sign-ins for this account from your address. Try again in ${Math.ceil(waitSeconds / 60)} min.`;
    throw new APIError("TOO_MANY_REQUESTS", { message }, { "retry-after": String(waitSeconds) });
  }
  if (slowDownMs > 0) await sleep(slowDownMs);
}

/** After a sign-in or sign-up: count a wrong password, or remember the device and address that got in. */
export async function afterSignIn(ctx: HookContext): Promise<void> {
  if (ctx.path !== "/sign-in/email" && ctx.path !== "/sign-up/email") return;
  const attempt = await attemptOf(ctx);
  if (!attempt) return;
  const returned = ctx.context.returned;
  if (isAPIError(returned)) {
    if (returned.statusCode === 401 && ctx.path === "/sign-in/email") await recordSignInFailure(attempt);
  } else if (ctx.context.newSession) {
    const device = attempt.device || randomBytes(32).toString("base64url");
    await recordSignInSuccess({ ...attempt, device });
    const cookie = ctx.context.createAuthCookie(DEVICE_COOKIE, { maxAge: DEVICE_COOKIE_MAX_AGE, path: "/api/auth" });
    await ctx.setSignedCookie(cookie.name, device, ctx.context.secret, cookie.attributes);
  }
}

async function attemptOf(ctx: HookContext): Promise<SignInAttempt | null> {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  if (typeof email !== "string" || !ctx.headers) return null;
  const device = await ctx.getSignedCookie(ctx.context.createAuthCookie(DEVICE_COOKIE).name, ctx.context.secret);
  return { email, address: clientAddress(ctx.headers), device: device || null };
}
