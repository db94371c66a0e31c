import { z } from "zod";

/** Token scopes: whole-account `read`, `publish`, `run`, or `publish:<code>` for one plugin. */
export const scopeSchema = z.union([
  z.enum(["read", "publish", "run"]),
  z.string().regex(/^publish:[a-z0-9_-]{1,100}$/, "must be read, publish, run or publish:<plugin code>"),
]);

export function hasScope(scopes: readonly string[], needed: "read" | "publish" | "run", code?: string): boolean {
  if (scopes.includes(needed)) return true;
  return needed === "publish" && code !== undefined && scopes.includes(`publish:${code}`);
}

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "is required").max(100),
  scopes: z.array(scopeSchema).min(1, "choose at least one scope").max(50),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(90),
});
export type CreateToken = z.infer<typeof createTokenSchema>;

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenDto = z.infer<typeof tokenSchema>;
