import "server-only";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { clientAddress } from "@/lib/http/client-address";
import { recordSignInFailure, recordSignInSuccess, signInWaitSeconds } from "./sign-in-attempts";

// better-auth's per-address limits do not stop guessing at one account; these per-account ones
// do, without letting a stranger lock its owner out (sign-in-attempts.ts).

/** Before a sign-in: refuse an address that has failed this account too often, before the password is checked. */
export const beforeSignIn = createAuthMiddleware(async (ctx) => {
  const email = ctx.path === "/sign-in/email" ? emailOf(ctx.body) : null;
  if (!email || !ctx.headers) return;
  const wait = await signInWaitSeconds(email, clientAddress(ctx.headers));
  if (wait > 0) {
    const message = `Too many failed sign-ins for this account from your address. Try again in ${Math.ceil(wait / 60)} min.`;
    throw new APIError("TOO_MANY_REQUESTS", { message }, { "retry-after": String(wait) });
  }
});

/** After a sign-in or sign-up: count a wrong password, or remember the address that got in. */
export const afterSignIn = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-in/email" && ctx.path !== "/sign-up/email") return;
  const email = emailOf(ctx.body);
  if (!email || !ctx.headers) return;
  const returned = ctx.context.returned;
  if (isAPIError(returned)) {
    if (returned.statusCode === 401 && ctx.path === "/sign-in/email") await recordSignInFailure(email, clientAddress(ctx.headers));
  } else if (ctx.context.newSession) await recordSignInSuccess(email, clientAddress(ctx.headers));
});

function emailOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email : null;
}
