import "server-only";
import { db } from "@/lib/db/client";
import { auth } from "./auth";
import { ABSOLUTE_SESSION_MS } from "./session-limits";

export type SessionUser = { id: string; name: string; email: string; role: "admin" | "member" };

/**
 * The signed-in person for these request headers, or null.
 *
 * Sessions slide: a lookup at least a day after the last renewal extends the session and re-sends
 * its cookie. The renewal happens only when the caller can deliver that cookie (`deliver`, the API
 * wrapper's); a page render cannot set cookies, so it looks without renewing and the page's own
 * call to /api/auth/get-session renews (components/auth/session-keeper.tsx).
 */
export async function getSessionUser(headers: Headers, deliver?: (setCookies: string[]) => void): Promise<SessionUser | null> {
  const { headers: answer, response: session } = await auth().api.getSession({
    headers,
    query: { disableRefresh: !deliver },
    returnHeaders: true,
  });
  const setCookies = answer?.getSetCookie() ?? [];
  if (session && Date.now() - new Date(session.session.createdAt).getTime() > ABSOLUTE_SESSION_MS) {
    // Past the absolute limit (a session renewed before the cap existed): end it and clear the cookie.
    await db().session.deleteMany({ where: { id: session.session.id } });
    deliver?.(await clearingCookies());
    return null;
  }
  deliver?.(setCookies);
  if (!session) return null;
  const { id, name, email, role } = session.user as typeof session.user & { role?: string };
  return { id, name, email, role: role === "admin" ? "admin" : "member" };
}

async function clearingCookies(): Promise<string[]> {
  const { name, attributes } = (await auth().$context).authCookies.sessionToken;
  return [`${name}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${attributes.secure ? "; Secure" : ""}`];
}
