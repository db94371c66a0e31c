import "server-only";
import { db } from "@/lib/db/client";
import { auth } from "./auth";

export type SessionUser = { id: string; name: string; email: string; role: "admin" | "member" };

// Sessions slide while used (idle expiry, see auth.ts) but never outlive this since sign-in.
export const ABSOLUTE_SESSION_MS = 30 * 24 * 60 * 60 * 1000;

/** The signed-in person for these request headers, or null. */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  if (Date.now() - new Date(session.session.createdAt).getTime() > ABSOLUTE_SESSION_MS) {
    await db().session.deleteMany({ where: { id: session.session.id } });
    return null;
  }
  const { id, name, email, role } = session.user as typeof session.user & { role?: string };
  return { id, name, email, role: role === "admin" ? "admin" : "member" };
}
