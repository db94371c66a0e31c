import "server-only";
import { AppError } from "@/lib/http/errors";
import { queueResponseCookies } from "@/lib/http/response-cookies";
import { comesFromHub } from "./origins";
import { hasScope } from "./scopes";
import { getSessionUser, type SessionUser } from "./session";
import { findLiveToken } from "./tokens";

/** Who is making a request: a signed-in browser session, or an API token with its scopes. */
export type Principal = { user: SessionUser; via: "session" } | { user: SessionUser; via: "token"; scopes: string[] };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The token in `Authorization: Bearer|Token <t>` or `Synapse-Access-Token: Token <t>`, if any. */
export function tokenFromHeaders(headers: Headers): string | null {
  const value = headers.get("authorization") ?? headers.get("synapse-access-token");
  const match = value && /^(Bearer|Token)\s+(\S+)$/i.exec(value.trim());
  return match ? match[2] : null;
}

export async function authenticate(req: Request): Promise<Principal | null> {
  const secret = tokenFromHeaders(req.headers);
  if (secret) {
    const token = await findLiveToken(secret);
    if (!token) throw new AppError("invalid_token", "The API token is not valid: unknown, expired or revoked.");
    const { id, name, email, role } = token.user;
    return { via: "token", scopes: token.scopes, user: { id, name, email, role: role === "admin" ? "admin" : "member" } };
  }
  const user = await getSessionUser(req.headers, (cookies) => queueResponseCookies(req, cookies));
  return user ? { via: "session", user } : null;
}

/**
 * The caller, or 401. Cookie-authenticated mutations must come from the hub's own pages (Origin),
 * so another site cannot ride a signed-in browser; token requests carry no ambient authority.
 */
export async function requirePrincipal(req: Request, need?: { scope: "read" | "publish" | "run"; code?: string }): Promise<Principal> {
  const principal = await authenticate(req);
  if (!principal) throw new AppError("unauthorized", "Sign in, or send an API token (Authorization: Bearer <token>).");
  if (principal.via === "session" && !SAFE_METHODS.has(req.method)) {
    if (!comesFromHub(req)) throw new AppError("origin_mismatch", "This request did not come from the hub's own pages.");
  }
  if (need) assertScope(principal, need.scope, need.code);
  return principal;
}

export function assertScope(principal: Principal, scope: "read" | "publish" | "run", code?: string): void {
  if (principal.via === "token" && !hasScope(principal.scopes, scope, code)) {
    throw new AppError("insufficient_scope", `This token lacks the ${scope}${code ? ` (or ${scope}:${code})` : ""} scope.`);
  }
}
