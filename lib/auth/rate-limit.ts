import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

/**
 * Named limits on the expensive or sensitive calls, counted in Postgres (the rate_limits table that
 * better-auth's sign-in limits use too) so they hold across every instance. Generous enough that
 * real use (a CI job publishing a monorepo, the test suite) never meets them; a flood does.
 * RATE_LIMITS overrides them, e.g. `publish=5/60` (5 calls per 60 s).
 */
export const RATE_LIMITS = {
  /** Per account: publishes over both the hub API and the Synapse API. */
  publish: { max: 600, windowSeconds: 600 },
  /** Per account. */
  "create-token": { max: 60, windowSeconds: 3600 },
  /** Per client address: reachable anonymously until the hub has its admin. */
  setup: { max: 30, windowSeconds: 600 },
  /** Per client address, counted by better-auth (auth.ts); per account see sign-in-attempts.ts. */
  "sign-in": { max: 5, windowSeconds: 60 },
  "sign-up": { max: 10, windowSeconds: 60 },
} as const;

export type LimitName = keyof typeof RATE_LIMITS;

/** Counts one call by `subject` (an account id, a client address) and refuses it over the limit. */
export async function enforceRateLimit(name: LimitName, subject: string): Promise<void> {
  const { max, windowSeconds } = limitOf(name);
  const { count, windowStart } = await countHit(`limit|${name}|${subject}`, windowSeconds * 1000);
  if (count > max) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + windowSeconds * 1000 - Date.now()) / 1000));
    throw new AppError("rate_limited", `Too many requests of this kind; try again in ${retryAfter} s.`, undefined, { "retry-after": String(retryAfter) });
  }
}

/** One more hit on `key` in a fixed window; returns the count in the current window and its start. */
export async function countHit(key: string, windowMs: number): Promise<{ count: number; windowStart: number }> {
  const now = Date.now();
  const [row] = await db().$queryRaw<{ count: number; last_request: bigint }[]>`
    INSERT INTO rate_limits (id, key, count, last_request) VALUES (gen_random_uuid()::text, ${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.last_request < ${now - windowMs} THEN 1 ELSE rate_limits.count + 1 END,
      last_request = CASE WHEN rate_limits.last_request < ${now - windowMs} THEN ${now} ELSE rate_limits.last_request END
    RETURNING count, last_request`;
  return { count: row.count, windowStart: Number(row.last_request) };
}

/** The count on `key` in its current window, without adding to it (0 once the window passed). */
export async function peekHits(key: string, windowMs: number): Promise<{ count: number; windowStart: number }> {
  const rows = await db().$queryRaw<{ count: number; last_request: bigint }[]>`SELECT count, last_request FROM rate_limits WHERE key = ${key}`;
  const row = rows[0];
  if (!row || Number(row.last_request) < Date.now() - windowMs) return { count: 0, windowStart: Date.now() };
  return { count: row.count, windowStart: Number(row.last_request) };
}

export function limitOf(name: LimitName): { max: number; windowSeconds: number } {
  return env().RATE_LIMITS?.[name] ?? RATE_LIMITS[name];
}
