import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

/**
 * A link that lets anyone holding it read one run's result until it expires, with no account: the
 * run id and the expiry, signed with a key derived from BETTER_AUTH_SECRET (so every instance that
 * shares the secret accepts it, and a link cannot be stretched or pointed at another run). Nothing is
 * stored; a link cannot be revoked before it expires, hence the short default.
 */
const key = () => {
  const secret = env().BETTER_AUTH_SECRET;
  if (!secret) throw new AppError("internal", "BETTER_AUTH_SECRET is not set.");
  return createHmac("sha256", secret).update("synapse-hub artifact share v1").digest();
};
const sign = (payload: string) => createHmac("sha256", key()).update(payload).digest("base64url");

export function createShareToken(runId: string, expiresAt: Date): string {
  const payload = Buffer.from(JSON.stringify({ r: runId, e: Math.floor(expiresAt.getTime() / 1000) })).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The run the token shares, and when it stops working. Throws `share_invalid` or `share_expired`. */
export function readShareToken(token: string, now = Date.now()): { runId: string; expiresAt: Date } {
  const invalid = new AppError("share_invalid", "This share link is not valid.");
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length) throw invalid;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid;
  let claims: { r?: unknown; e?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (typeof claims.r !== "string" || typeof claims.e !== "number") throw invalid;
  const expiresAt = new Date(claims.e * 1000);
  if (expiresAt.getTime() <= now) throw new AppError("share_expired", `This share link expired at ${expiresAt.toISOString()}.`);
  return { runId: claims.r, expiresAt };
}
