import "server-only";
import { randomBytes } from "node:crypto";
import { hashToken } from "@/lib/auth/tokens";
import { pool } from "@/lib/db/pool";
import { AppError } from "@/lib/http/errors";
import { tokenFromHeaders } from "@/lib/auth/principal";
import { processSingleton } from "@/lib/process-singleton";

/** A recognisable prefix, distinct from account tokens: it can only report for its one run. */
export const RUN_TOKEN_PREFIX = "shrun_";
/** A run's token still works this long after the run ended, for the last log batches in flight. */
const AFTER_END_MS = 10 * 60 * 1000;

export const isRunToken = (secret: string): boolean => secret.startsWith(RUN_TOKEN_PREFIX);

/** Mints the run's token and stores its hash; the secret only ever goes into the run's environment. */
export async function issueRunToken(runId: string): Promise<string> {
  const secret = `${RUN_TOKEN_PREFIX}${randomBytes(30).toString("base64url")}`;
  await pool().query("UPDATE runs SET token_hash = $2 WHERE id = $1", [runId, hashToken(secret)]);
  return secret;
}

// A reporting run sends dozens of calls a second: its token's run is looked up once every few seconds.
const CACHE_MS = 5000;
const cache = processSingleton("run-token-cache", () => new Map<string, { runId: string; until: number }>());

/** The run a request's run token reports for, or null when it carries no run token. Throws for a dead or foreign one. */
export async function runTokenRun(req: Request): Promise<string | null> {
  const secret = tokenFromHeaders(req.headers);
  if (!secret || !isRunToken(secret)) return null;
  const hash = hashToken(secret);
  const cached = cache.get(hash);
  if (cached && cached.until > Date.now()) return cached.runId;
  const { rows } = await pool().query<{ id: string; finished_at: Date | null }>("SELECT id, finished_at FROM runs WHERE token_hash = $1", [hash]);
  const run = rows[0];
  if (!run || (run.finished_at && Date.now() - run.finished_at.getTime() > AFTER_END_MS)) {
    cache.delete(hash);
    throw new AppError("invalid_token", "The run token is not valid: unknown, or its run ended.");
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(hash, { runId: run.id, until: Date.now() + CACHE_MS });
  return run.id;
}
