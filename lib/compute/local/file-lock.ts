import "server-only";
import { randomUUID } from "node:crypto";
import { open, readFile, rm, stat } from "node:fs/promises";

/**
 * A lock between processes of one machine: a file created with O_EXCL that names its holder (pid and
 * the kernel's start time of that pid, so a reused pid is not mistaken for the holder). A holder that
 * died leaves a stale file; a waiter removes it, but only while holding a second short-lived
 * "breaker" lock and after reading the same stale content again, so two waiters can never remove a
 * fresh lock that a third has just taken.
 */
export async function withFileLock<T>(file: string, fn: () => Promise<T>, options: { pollMs?: number; signal?: AbortSignal } = {}): Promise<T> {
  const token = await acquire(file, options.pollMs ?? 100, options.signal);
  try {
    return await fn();
  } finally {
    // Only our own lock is removed (a lock judged stale by mistake and re-taken stays with its taker).
    if ((await readFile(file, "utf8").catch(() => "")) === token) await rm(file, { force: true });
  }
}

const BREAKER_STALE_MS = 10_000;
const UNWRITTEN_GRACE_MS = 5_000; // a lock file is filled right after its creation

async function acquire(file: string, pollMs: number, signal?: AbortSignal): Promise<string> {
  const token = JSON.stringify({ pid: process.pid, start: await startTime(process.pid), nonce: randomUUID() });
  for (;;) {
    signal?.throwIfAborted();
    if (await tryCreate(file, token)) return token;
    const seen = await readFile(file, "utf8").catch(() => null);
    if (seen !== null && (await isStale(file, seen))) await breakStale(file, seen);
    else await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function tryCreate(file: string, content: string): Promise<boolean> {
  try {
    const handle = await open(file, "wx");
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

async function isStale(file: string, content: string): Promise<boolean> {
  let holder: { pid?: unknown; start?: unknown };
  try {
    holder = JSON.parse(content) as typeof holder;
  } catch {
    const info = await stat(file).catch(() => null);
    return info !== null && Date.now() - info.mtimeMs > UNWRITTEN_GRACE_MS;
  }
  if (typeof holder.pid !== "number") return true;
  const start = await startTime(holder.pid);
  return start === null || start !== holder.start;
}

async function breakStale(file: string, stale: string): Promise<void> {
  const breaker = `${file}.break`;
  const info = await stat(breaker).catch(() => null);
  if (info && Date.now() - info.mtimeMs > BREAKER_STALE_MS) await rm(breaker, { force: true });
  if (!(await tryCreate(breaker, String(process.pid)))) return;
  try {
    if ((await readFile(file, "utf8").catch(() => null)) === stale) await rm(file, { force: true });
  } finally {
    await rm(breaker, { force: true });
  }
}

/** The kernel's start time of a live process (field 22 of /proc/<pid>/stat), or null when it is gone. */
async function startTime(pid: number): Promise<string | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "latin1").catch(() => null);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[0] === "Z" ? null : (fields[19] ?? null);
}
