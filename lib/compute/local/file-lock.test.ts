import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withFileLock } from "./file-lock";

const root = mkdtempSync(path.join(os.tmpdir(), "file-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("withFileLock", () => {
  it("lets one holder in at a time and removes the lock file afterwards", async () => {
    const file = path.join(root, "one.lock");
    let inside = 0;
    let most = 0;
    const holder = async () => {
      inside++;
      most = Math.max(most, inside);
      await sleep(50);
      inside--;
    };
    await Promise.all([1, 2, 3, 4].map(() => withFileLock(file, holder, { pollMs: 10 })));
    expect(most).toBe(1);
    expect(existsSync(file)).toBe(false);
  });

  it("takes over a lock whose holder died, but waits for a live one", async () => {
    const dead = spawnSync("true").pid!; // exited and reaped: its pid names no live process
    const stale = path.join(root, "stale.lock");
    writeFileSync(stale, JSON.stringify({ pid: dead, start: "1", nonce: "x" }));
    const started = Date.now();
    expect(await withFileLock(stale, async () => "mine", { pollMs: 10 })).toBe("mine");
    expect(Date.now() - started).toBeLessThan(1_000);

    const live = path.join(root, "live.lock");
    const stat = (await import("node:fs")).readFileSync(`/proc/${process.pid}/stat`, "latin1");
    const start = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    writeFileSync(live, JSON.stringify({ pid: process.pid, start, nonce: "held elsewhere" }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    await expect(withFileLock(live, async () => "stolen", { pollMs: 10, signal: controller.signal })).rejects.toThrow();
    expect(existsSync(live)).toBe(true);
  });
});
