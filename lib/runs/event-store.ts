import "server-only";
import { pool } from "@/lib/db/pool";
import { isoTimestamps } from "@/lib/db/iso-timestamps";
import { statement } from "@/lib/db/statement";
import { announce } from "./announce";
import { hasLocalListeners, publishLocal } from "./local-fanout";
import type { RunEventDto, RunEventType } from "./schemas";

export type NewEvent = { type: RunEventType; data: unknown; at?: Date };

/** Run columns an append may set in the same statement (whitelisted: the names go into SQL). */
export type RunChanges = Partial<{
  status: string;
  progress: unknown;
  metrics: unknown;
  result: unknown;
  error: string | null;
  exit_code: number | null;
  started_at: Date;
  finished_at: Date;
  pid: number | null;
  node: string | null;
  serve_port: number | null;
  cancel_requested: boolean;
  backend_log_offset: number;
  unreachable_since: Date | null;
}>;
const JSON_COLUMNS = new Set(["progress", "metrics", "result"]);

export type AppendOptions = {
  changes?: RunChanges;
  /** Apply only while the run is in one of these statuses (a terminal status is never left). */
  onlyWhen?: readonly string[];
  /** Apply only while the run then holds at most this many events (a flood stops at the cap). */
  cap?: number;
};

/**
 * Appends events to a run, in order, and applies `changes` to the run row, in one statement. The
 * UPDATE locks the run row, so concurrent appends to one run are serialised and `seq` grows in
 * commit order: a reader that has seen N can never later find an event below N appear. Once it
 * committed, every instance's live streams are told to read on (announce.ts), and this instance's own
 * get the events at once (local-fanout.ts).
 * Returns the run's newest seq, or null when the run does not exist or `onlyWhen` did not match.
 */
export async function appendEvents(runId: string, events: NewEvent[], options: AppendOptions = {}): Promise<number | null> {
  const values: unknown[] = [runId, events.length];
  const sets = ["last_seq = runs.last_seq + $2"];
  for (const [column, value] of Object.entries(options.changes ?? {})) {
    values.push(JSON_COLUMNS.has(column) && value !== null ? jsonb(value) : value);
    sets.push(`${column} = $${values.length}${JSON_COLUMNS.has(column) ? "::jsonb" : ""}`);
  }
  let where = "id = $1";
  if (options.onlyWhen) {
    values.push(options.onlyWhen);
    where += ` AND status = ANY($${values.length}::text[])`;
  }
  if (options.cap !== undefined) {
    values.push(options.cap);
    where += ` AND last_seq + $2 <= $${values.length}`;
  }
  const at = new Date();
  const texts = events.map((e) => jsonb(e.data ?? null)); // serialised once: for the store and for local streams
  values.push(
    events.map((e) => e.type),
    texts,
    events.map((e) => (e.at ?? at).toISOString()),
  );
  const n = values.length;
  const sql = `
    WITH bump AS (UPDATE runs SET ${sets.join(", ")} WHERE ${where} RETURNING last_seq),
    added AS (
      INSERT INTO run_events (run_id, seq, type, data, at)
      SELECT $1, bump.last_seq - $2 + e.ord, e.type, e.data, e.at
      FROM bump, unnest($${n - 2}::text[], $${n - 1}::jsonb[], $${n}::timestamptz[]) WITH ORDINALITY AS e(type, data, at, ord)
    )
    SELECT last_seq FROM bump`;
  const result = await pool().query<{ last_seq: number }>(sql, values);
  const last = result.rows[0]?.last_seq ?? null;
  if (last !== null) announce(runId, last);
  if (last !== null && events.length && hasLocalListeners(runId)) {
    const first = last - events.length + 1;
    publishLocal(
      runId,
      events.map((e, i) => ({ id: first + i, type: e.type, data: JSON.parse(texts[i]), at: (e.at ?? at).toISOString() })),
    );
  }
  return last;
}

/**
 * JSON text Postgres's jsonb accepts: it refuses the NUL character (`\u0000`), which a plugin may well
 * send, so it becomes U+FFFD. An escaped backslash before `u0000` is text, not a NUL, and stays.
 */
export function jsonb(value: unknown): string {
  return JSON.stringify(value).replace(/(?<!\\)((?:\\\\)*)\\u0000/g, "$1\\ufffd");
}

type EventRow = { seq: number; type: RunEventType; data: unknown; at: string };

/** Events after `after`, oldest first. */
export async function readEvents(runId: string, after: number, limit: number, types?: string[]): Promise<RunEventDto[]> {
  const text = types?.length
    ? "SELECT seq, type, data, at FROM run_events WHERE run_id = $1 AND seq > $2 AND type = ANY($4::text[]) ORDER BY seq LIMIT $3"
    : "SELECT seq, type, data, at FROM run_events WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT $3";
  const values = types?.length ? [runId, after, limit, types] : [runId, after, limit];
  const result = await pool().query<EventRow>({ ...statement(text, values, true), types: isoTimestamps });
  return result.rows.map((row) => ({ id: row.seq, type: row.type, data: row.data, at: row.at }));
}
