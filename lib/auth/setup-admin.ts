import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { processSingleton } from "@/lib/process-singleton";
import { auth } from "./auth";

const SETUP_LOCK = 7_351_002; // pg advisory lock: concurrent first-run setups queue up here

// Remembered once true, for the whole process (an admin is never removed).
const adminFlag = processSingleton("admin-seen", () => ({ seen: false }));

/** Whether this hub has an admin yet. */
export async function hasAdmin(): Promise<boolean> {
  if (!adminFlag.seen) adminFlag.seen = (await db().user.count({ where: { role: "admin" } })) > 0;
  return adminFlag.seen;
}

/**
 * First-run setup: creates the hub's admin account and signs it in. The advisory lock is held
 * while the account is created, so of two simultaneous setups exactly one succeeds.
 */
export async function setUpAdmin(input: { name: string; email: string; password: string }): Promise<Response> {
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
      if ((await tx.user.count({ where: { role: "admin" } })) > 0) {
        throw new AppError("setup_done", "This hub already has an admin; sign in instead.");
      }
      const response = await auth().api.signUpEmail({ body: input, asResponse: true });
      if (!response.ok) return response;
      const { user } = (await response.json()) as { user: { id: string } };
      // The account was committed by better-auth on its own connection; promote it now.
      const admin = await db().user.update({ where: { id: user.id }, data: { role: "admin" }, select: { id: true, name: true, email: true, role: true } });
      adminFlag.seen = true;
      // Keep the session cookie better-auth set; answer with the account only (no session token).
      const headers = new Headers({ "content-type": "application/json" });
      for (const cookie of response.headers.getSetCookie()) headers.append("set-cookie", cookie);
      return new Response(JSON.stringify({ user: admin }), { status: 201, headers });
    },
    { timeout: 30_000 },
  );
}
