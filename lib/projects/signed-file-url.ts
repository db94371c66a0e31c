import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

/**
 * A URL that reads one task file without an account until it expires: what the export lists hand
 * out, because the SDK downloads originals with a plain `requests` session, no auth header. The file
 * id and expiry are signed with a key derived from BETTER_AUTH_SECRET (every instance sharing the
 * secret accepts it; a URL cannot be stretched or pointed at another file). The path ends in the
 * file's name, so its extension, which the SDK's downloaders name their copy after.
 */
export const FILE_URL_TTL_SECONDS = 12 * 60 * 60;

const key = () => {
  const secret = env().BETTER_AUTH_SECRET;
  if (!secret) throw new AppError("internal", "BETTER_AUTH_SECRET is not set.");
  return createHmac("sha256", secret).update("synapse-hub project file v1").digest();
};
const sign = (fileId: number, expires: number) => createHmac("sha256", key()).update(`${fileId}.${expires}`).digest("base64url");

export function signedFileUrl(origin: string, fileId: number, fileName: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + FILE_URL_TTL_SECONDS;
  const url = new URL(`/api/v1/project-files/${fileId}/${encodeURIComponent(fileName)}`, origin);
  url.searchParams.set("expires", String(expires));
  url.searchParams.set("signature", sign(fileId, expires));
  return url.toString();
}

/**
 * Throws `share_expired` past the expiry (read first: it is in the URL, so saying so tells nothing),
 * `share_invalid` for a signature that is not ours for this file and expiry.
 */
export function checkFileSignature(fileId: number, expires: number, signature: string, now = Date.now()): void {
  if (expires * 1000 <= now) throw new AppError("share_expired", `This file link expired at ${new Date(expires * 1000).toISOString()}.`);
  const expected = Buffer.from(sign(fileId, expires));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError("share_invalid", "This file link is not valid.");
}
