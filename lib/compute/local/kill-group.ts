import "server-only";
import { readdir, readFile } from "node:fs/promises";

/** Signals a whole process group (a run and everything it started); a group already gone is fine. */
export function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

/**
 * After a hub crash, kills what is left of a run's process group — but only processes that carry the
 * run's own `SYNAPSE_JOB_ID` in their environment: the pid stored before the crash may since have been
 * reused by an unrelated process, which must never be touched. Returns how many processes were killed.
 */
export async function killGroupIfOurs(pgid: number, runId: string): Promise<number> {
  if (!Number.isInteger(pgid) || pgid <= 1) return 0;
  const marker = `SYNAPSE_JOB_ID=${runId}`;
  const names = await readdir("/proc").catch(() => [] as string[]);
  let killed = 0;
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if ((await groupOf(pid)) !== pgid) continue;
    if (!(await environHas(pid, marker))) continue;
    try {
      process.kill(pid, "SIGKILL");
      killed++;
    } catch {
      // exited meanwhile
    }
  }
  return killed;
}

async function groupOf(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "latin1").catch(() => null);
  if (stat === null) return null;
  // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so count from the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[2]);
}

async function environHas(pid: number, entry: string): Promise<boolean> {
  const environ = await readFile(`/proc/${pid}/environ`).catch(() => null);
  if (environ === null) return false;
  return environ.toString("utf8").split("\0").includes(entry);
}
