import "server-only";
import { auth } from "./auth";

export type SessionUser = { id: string; name: string; email: string; role: "admin" | "member" };

/** The signed-in person for these request headers, or null. */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  const { id, name, email, role } = session.user as typeof session.user & { role?: string };
  return { id, name, email, role: role === "admin" ? "admin" : "member" };
}
