import "server-only";
import { AppError } from "@/lib/http/errors";
import { requirePrincipal } from "./principal";
import type { SessionUser } from "./session";

/** Account settings (tokens, say) are changed from a signed-in browser, never with a token. */
export async function requireSessionUser(req: Request): Promise<SessionUser> {
  const principal = await requirePrincipal(req);
  if (principal.via !== "session") throw new AppError("forbidden", "Manage tokens from a signed-in session, not with a token.");
  return principal.user;
}
