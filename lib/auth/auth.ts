import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import { getSettings } from "@/lib/settings/hub-settings";
import { trustedOrigins } from "./origins";
import { allowSignInAttempt } from "./account-attempts";
import { redeemInvitation } from "./invitations";
import { hasAdmin } from "./setup-admin";

const SESSION_DAYS = 7;

function createAuth() {
  const config = env();
  if (!config.BETTER_AUTH_SECRET) throw new Error("BETTER_AUTH_SECRET is not set: start the hub with `npm start`, which provides one");
  const origins = trustedOrigins();
  const baseURL = origins[0];
  return betterAuth({
    baseURL,
    trustedOrigins: origins,
    secret: config.BETTER_AUTH_SECRET,
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 256, autoSignIn: true },
    session: {
      // Idle expiry: a session unused for a week ends; use renews it at most daily (updateAge).
      // The absolute limit since sign-in is enforced in session.ts.
      expiresIn: SESSION_DAYS * 24 * 60 * 60,
      updateAge: 24 * 60 * 60,
    },
    user: { additionalFields: { role: { type: "string", defaultValue: "member", input: false } } },
    // Stored in Postgres so the limits hold across every instance behind a load balancer.
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: 5 }, "/sign-up/email": { window: 60, max: 10 } },
    },
    advanced: { cookiePrefix: "shub", useSecureCookies: baseURL.startsWith("https://") },
    hooks: {
      // Per-IP limits (above) do not stop a spread-out guessing attack on one account; this does.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = (ctx.body as { email?: unknown } | undefined)?.email;
        if (typeof email === "string" && !(await allowSignInAttempt(email))) {
          throw new APIError("TOO_MANY_REQUESTS", { message: "Too many sign-in attempts for this account. Try again in 15 minutes." });
        }
      }),
    },
    databaseHooks: {
      user: {
        create: {
          // Closed and invite-only sign-up still let the first-run setup create the admin.
          before: async (_user, context) => {
            const { signup } = await getSettings();
            if (signup === "open" || !(await hasAdmin())) return;
            if (signup === "closed") throw new APIError("FORBIDDEN", { message: "Sign-up is closed on this hub. Ask an admin for an account." });
            const code = context?.headers?.get("x-invitation") ?? "";
            if (!code || !(await redeemInvitation(code))) {
              throw new APIError("FORBIDDEN", { message: "Sign-up needs an invitation from an admin, and this one is missing, used or expired." });
            }
          },
        },
      },
    },
  });
}

type Auth = ReturnType<typeof createAuth>;
const instance = processSingleton("auth", () => ({ auth: undefined as Auth | undefined }));

/** The better-auth instance, created on first use (the build must not need a database). */
export function auth(): Auth {
  instance.auth ??= createAuth();
  return instance.auth;
}
