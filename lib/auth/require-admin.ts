import "server-only";
import { AppError } from "@/lib/http/errors";
import { requireSessionUser } from "./require-session";
import type { SessionUser } from "./session";

/** Hub administration happens in an admin's signed-in browser session. */
export async function requireAdmin(req: Request): Promise<SessionUser> {
  const user = await requireSessionUser(req);
  if (user.role !== "admin") throw new AppError("forbidden", "Only admins can do this.");
  return user;
}
