import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { hubOrigin, reportBackUrl } from "@/lib/http/hub-origin";
import { processSingleton } from "@/lib/process-singleton";
import { getSettings } from "@/lib/settings/hub-settings";
import { redeemInvitation } from "./invitations";
import { limitOf } from "./rate-limit";
import { capRenewal, skipRenewalAtLimit } from "./session-cap";
import { afterSignIn, beforeSignIn } from "./sign-in-guard";
import { hasAdmin } from "./setup-admin";

const SESSION_DAYS = 7;

function createAuth() {
  const config = env();
  if (!config.BETTER_AUTH_SECRET) throw new Error("BETTER_AUTH_SECRET is not set: start the hub with `npm start`, which provides one");
  // Without PUBLIC_URL the hub answers at whatever address reached it (0.0.0.0 and :: name no
  // origin): its own sign-in form is trusted from the origin the request's Host names. baseURL only
  // seeds callback links, which email/password sign-in does not use.
  const baseURL = reportBackUrl();
  return betterAuth({
    baseURL,
    trustedOrigins: (request?: Request) => (request ? [hubOrigin(request)] : []),
    secret: config.BETTER_AUTH_SECRET,
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 256, autoSignIn: true },
    session: {
      // Idle expiry: a session unused for a week ends; use renews it at most daily (updateAge).
      // The absolute limit since sign-in: the session update hook below, and session.ts.
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
      customRules: { "/sign-in/email": betterAuthRule("sign-in"), "/sign-up/email": betterAuthRule("sign-up") },
    },
    advanced: {
      cookiePrefix: "shub",
      useSecureCookies: baseURL.startsWith("https://"),
      // better-auth turns its Origin check off whenever TEST is set in the environment (as test
      // runners do, and children inherit): this hub checks Origin everywhere, always.
      disableOriginCheck: false,
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        await skipRenewalAtLimit(ctx);
        await beforeSignIn(ctx);
      }),
      after: createAuthMiddleware(afterSignIn),
    },
    databaseHooks: {
      session: {
        update: {
          // Sliding renewal never carries a session past the absolute limit since sign-in: once
          // there, better-auth itself refuses it and clears the cookie, on every path.
          before: async (data, context) => {
            const capped = capRenewal(data, context?.context.session?.session.createdAt);
            if (capped) return { data: capped };
          },
        },
      },
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

function betterAuthRule(name: "sign-in" | "sign-up") {
  const { max, windowSeconds } = limitOf(name);
  return { max, window: windowSeconds };
}

type Auth = ReturnType<typeof createAuth>;
const instance = processSingleton("auth", () => ({ auth: undefined as Auth | undefined }));

/** The better-auth instance, created on first use (the build must not need a database). */
export function auth(): Auth {
  instance.auth ??= createAuth();
  return instance.auth;
}
