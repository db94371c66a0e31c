import "server-only";
import { db } from "@/lib/db/client";

const WINDOW_MS = 15 * 60 * 1000;
export const MAX_ATTEMPTS_PER_ACCOUNT = 10;

/**
 * Counts a sign-in attempt against one account (whatever address it comes from) and says whether it
 * is within the limit. Shares the rate_limits table with the per-IP limits, in a fixed window.
 */
export async function allowSignInAttempt(email: string): Promise<boolean> {
  const key = `account|sign-in|${email.trim().toLowerCase()}`;
  const now = Date.now();
  const [row] = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limits (id, key, count, last_request) VALUES (gen_random_uuid()::text, ${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.last_request < ${now - WINDOW_MS} THEN 1 ELSE rate_limits.count + 1 END,
      last_request = CASE WHEN rate_limits.last_request < ${now - WINDOW_MS} THEN ${now} ELSE rate_limits.last_request END
    RETURNING count`;
  return row.count <= MAX_ATTEMPTS_PER_ACCOUNT;
}
