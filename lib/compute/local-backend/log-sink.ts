import "server-only";
import { appendEvents, type NewEvent } from "@/lib/runs/event-store";
import type { LogLevel, LogSource } from "@/lib/runs/schemas";
import { withRetries } from "./with-retries";

const FLUSH_MS = 50;
const BATCH = 2000;
// ANSI colour and cursor codes (the SDK's console logger writes them unconditionally).
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

/**
 * Collects a run's console lines and writes them as `log` events in batches (one statement per
 * ~50 ms), so a chatty plugin costs the database a few inserts a second, not one per line. Past
 * `maxLines` the rest is counted, not stored, and the count is logged at the end.
 */
export function createLogSink(runId: string, maxLines: number) {
  let pending: NewEvent[] = [];
  let stored = 0;
  let dropped = 0;
  let lost = 0; // lines the database refused even after retries
  let lastError: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return writing;
    const batch = pending;
    pending = [];
    writing = writing.then(() =>
      withRetries(`storing log lines of run ${runId}`, () => appendEvents(runId, batch), 3).then(
        () => undefined,
        (error) => {
          lost += batch.length;
          console.error(error.message);
        },
      ),
    );
    return writing;
  };

  const add = (line: string, source: LogSource, level?: LogLevel) => {
    const message = line.replace(ANSI, "");
    const decided = level ?? levelOf(message);
    if (decided === "error" && source !== "hub") lastError = message.slice(0, 500);
    if (stored >= maxLines) return void dropped++;
    stored++;
    pending.push({ type: "log", data: { level: decided, message, source } });
    if (pending.length >= BATCH) void flush();
    else timer ??= setTimeout(() => void flush(), FLUSH_MS);
  };

  return {
    add,
    /** Writes what is pending; the promise settles once everything before it is stored. */
    async close(): Promise<void> {
      stored = 0; // make room for the notes themselves
      if (dropped > 0) add(`${dropped} more log line(s) were dropped: a run keeps at most ${maxLines} lines (RUN_MAX_LOG_LINES).`, "hub", "warning");
      await flush();
      if (lost > 0) {
        add(`${lost} log line(s) could not be stored (the database refused them) and are missing above.`, "hub", "warning");
        await flush();
      }
    },
    /** Writes what is pending now; resolves once it is stored (the process reader waits: back-pressure). */
    flush,
    /** The plugin's last error line (past the cap too): the likely cause of a failure. */
    lastError: () => lastError,
  };
}
/**
 * A console line's level from what it says: Python's logging writes every level to stderr, so the
 * stream alone says little.
 */
export function levelOf(line: string): LogLevel {
  if (/^(Traceback \(most recent call last\)|\w*(Error|Exception)\b:?|.*\b(ERROR|CRITICAL|FATAL)\b)/.test(line)) return "error";
  if (/\b(WARNING|WARN)\b|Warning:/.test(line)) return "warning";
  if (/\bDEBUG\b/.test(line)) return "debug";
  return "info";
}

export type LogSink = ReturnType<typeof createLogSink>;
