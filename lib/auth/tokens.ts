import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";
import type { ApiToken } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/http/errors";
import type { CreateToken, TokenDto } from "./scopes";

// A recognisable prefix lets secret scanners find leaked tokens.
export const TOKEN_PREFIX = "shub_";
const LAST_USED_RESOLUTION_MS = 60_000;

export const hashToken = (secret: string) => createHash("sha256").update(secret).digest("hex");

export async function createToken(userId: string, input: CreateToken): Promise<{ token: string; info: TokenDto }> {
  const token = `${TOKEN_PREFIX}${randomBytes(30).toString("base64url")}`;
  const row = await db().apiToken.create({
    data: {
      userId,
      name: input.name,
      scopes: [...new Set(input.scopes)],
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      hash: hashToken(token),
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    },
  });
  return { token, info: toTokenDto(row) };
}

export async function listTokens(userId: string): Promise<TokenDto[]> {
  const rows = await db().apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  return rows.map(toTokenDto);
}

export async function revokeToken(userId: string, id: string): Promise<TokenDto> {
  const row = await db().apiToken.findFirst({ where: { id, userId } });
  if (!row) throw notFound("not_found", "No such token.");
  return toTokenDto(row.revokedAt ? row : await db().apiToken.update({ where: { id }, data: { revokedAt: new Date() } }));
}

/** The live token for a secret, with its owner; null when unknown, revoked or expired. */
export async function findLiveToken(secret: string): Promise<LiveToken | null> {
  // Every token-authenticated request comes through here: one plain query, not Prisma's include.
  const { rows } = await pool().query<LiveToken & { lastUsedAt: Date | null }>(
    `SELECT t.id, t.scopes, t.last_used_at AS "lastUsedAt", json_build_object('id', u.id, 'name', u.name, 'email', u.email, 'role', u.role) AS "user"
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`,
    [hashToken(secret)],
  );
  const row = rows[0];
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await pool().query("UPDATE api_tokens SET last_used_at = now() WHERE id = $1", [row.id]);
  }
  return { id: row.id, scopes: row.scopes, user: row.user };
}

export type LiveToken = { id: string; scopes: string[]; user: { id: string; name: string; email: string; role: string } };

function toTokenDto(row: ApiToken): TokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
