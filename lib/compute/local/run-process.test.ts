import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { killGroupIfOurs, runProcess, type LogLine } from "./run-process";

const env = { PATH: process.env.PATH ?? "/usr/bin:/bin" };
const py = (code: string) => ({ command: "/usr/bin/python3", args: ["-c", code], env: { ...env, PYTHONUNBUFFERED: "1" } });

// A killed grandchild is re-parented and may stay a zombie (state Z) if nobody reaps it: that is dead.
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

async function collect(options: Parameters<typeof runProcess>[0]) {
  const lines: LogLine[] = [];
  const outcome = await runProcess({ ...options, onLine: (stream, line) => lines.push({ stream, line }) });
  return { outcome, lines };
}

describe("runProcess", () => {
  it("reports the exit code and the lines of both streams, in order per stream", async () => {
    const { outcome, lines } = await collect({ command: "sh", args: ["-c", "echo one; echo two >&2; printf 'three'; exit 3"], env });
    expect(outcome.exitCode).toBe(3);
    expect(outcome.signal).toBeNull();
    expect(outcome.timedOut || outcome.cancelled).toBe(false);
    expect(lines.filter((l) => l.stream === "stdout").map((l) => l.line)).toEqual(["one", "three"]);
    expect(lines.filter((l) => l.stream === "stderr").map((l) => l.line)).toEqual(["two"]);
  });

  it("takes the result from between the markers, on their own lines as the SDK prints it, and keeps it out of the log", async () => {
    // The JSON line is longer than a log line may be: the result must still arrive whole.
    const { outcome, lines } = await collect(
      py(
        `import json;print("before");print("__SYNAPSE_RESULT_START__");print(json.dumps({"ok": True, "big": "x" * 200000}));print("__SYNAPSE_RESULT_END__");print("after")`,
      ),
    );
    expect(outcome.exitCode).toBe(0);
    expect(outcome.result).toEqual({ ok: true, big: "x".repeat(200_000) });
    expect(outcome.resultError).toBeUndefined();
    expect(lines.map((l) => l.line)).toEqual(["before", "after"]);
  });

  it("takes an inline result, keeps the text around it, and reports invalid JSON as resultError", async () => {
    const inline = await collect(py(`print('log: __SYNAPSE_RESULT_START__{"n": 1}__SYNAPSE_RESULT_END__ done')`));
    expect(inline.outcome.result).toEqual({ n: 1 });
    expect(inline.lines.map((l) => l.line)).toEqual(["log: ", " done"]);

    const bad = await collect(py(`print("__SYNAPSE_RESULT_START__");print("{not json");print("__SYNAPSE_RESULT_END__")`));
    expect(bad.outcome.result).toBeUndefined();
    expect(bad.outcome.resultError).toMatch(/not valid JSON/);

    const unclosed = await collect(py(`print("__SYNAPSE_RESULT_START__");print("{}")`));
    expect(unclosed.outcome.resultError).toMatch(/never ends/);
  });

  it("on timeout kills a child that ignores SIGTERM, and its grandchild, after the grace period", async () => {
    let grandchild = 0;
    const started = Date.now();
    const outcome = await runProcess({
      command: "sh",
      args: ["-c", `trap '' TERM; sleep 30 & echo $!; wait`],
      env,
      timeoutMs: 300,
      graceMs: 300,
      onLine: (_stream, line) => (grandchild = Number(line)),
    });
    expect(outcome.timedOut).toBe(true);
    expect(outcome.cancelled).toBe(false);
    expect(outcome.signal).toBe("SIGKILL"); // SIGTERM was ignored
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(grandchild).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(grandchild)).toBe(false);
  });

  it("cancels through the AbortSignal: SIGTERM to the group, and the pid is known from the start", async () => {
    const controller = new AbortController();
    let spawned = 0;
    const outcome = await runProcess({
      ...py(`import time\nprint("ready", flush=True)\ntime.sleep(30)`),
      signal: controller.signal,
      onSpawn: (pid) => (spawned = pid),
      onLine: () => controller.abort(),
    });
    expect(outcome.cancelled).toBe(true);
    expect(outcome.signal).toBe("SIGTERM");
    expect(outcome.pid).toBe(spawned);
  });

  it("survives binary garbage: no NUL reaches the log, \\r ends a line, and the result after it is still found", async () => {
    const { outcome, lines } = await collect(
      py(`import sys,os
sys.stdout.buffer.write(bytes(range(256)) * 4 + b"\\n" + b"\\xff\\xfe\\xc3\\n" + b"a\\rb\\r\\nc\\n" + os.urandom(300000) + b"\\n")
sys.stdout.buffer.write(b"\\xe2\\x82")
sys.stdout.buffer.flush()
sys.stdout.buffer.write(b"\\xac euro\\n__SYNAPSE_RESULT_START__\\n[1]\\n__SYNAPSE_RESULT_END__\\n")`),
    );
    expect(outcome.exitCode).toBe(0);
    expect(outcome.result).toEqual([1]);
    const text = lines.map((l) => l.line);
    expect(text.some((l) => l.includes("\u0000"))).toBe(false);
    expect(text).toContain("\uFFFD\uFFFD\uFFFD");
    expect(text).toEqual(expect.arrayContaining(["a", "b", "c", "€ euro"]));
    expect(Math.max(...text.map((l) => Buffer.byteLength(l)))).toBeLessThanOrEqual(64 * 1024 + 64);
  });

  it("a 200 MB print flood while the log sink stalls keeps the hub's memory bounded (back-pressure)", async () => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    let count = 0;
    let batches = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const outcome = await runProcess({
      ...py(
        `import sys\nline = b"y" * 1023 + b"\\n"\nblock = line * 1024\nfor _ in range(200): sys.stdout.buffer.write(block)\nprint("__SYNAPSE_RESULT_START__ {\\"done\\": true} __SYNAPSE_RESULT_END__")`,
      ),
      onLines: async (batch) => {
        batches++;
        count += batch.length;
        // The database stalls for 3 s on the first batch, then keeps up: meanwhile the child must wait.
        await new Promise((resolve) => setTimeout(resolve, batches === 1 ? 3_000 : 1));
      },
      timeoutMs: 60_000,
    });
    clearInterval(sampler);
    console.log(`flood: rss peak +${Math.round((peak - before) / 1048576)} MB, ${batches} batches`);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.result).toEqual({ done: true });
    expect(count).toBe(200 * 1024);
    expect(batches).toBeGreaterThan(100);
  }, 60_000);

  it("stops logging past maxLogBytes but still reads to the end and says what it dropped", async () => {
    const { outcome, lines } = await collect({
      ...py(`for i in range(10000): print("line", i)\nprint("__SYNAPSE_RESULT_START__ 7 __SYNAPSE_RESULT_END__")`),
      maxLogBytes: 1000,
    });
    expect(outcome.result).toBe(7);
    expect(lines.length).toBeLessThan(200);
    expect(lines.at(-1)?.line).toMatch(/were not logged: the run's log limit of 1000 bytes/);
  });
});

describe("killGroupIfOurs", () => {
  it("kills a leftover group only when its processes carry the run's SYNAPSE_JOB_ID", async () => {
    const child = spawn("sh", ["-c", "sleep 30 & sleep 30; echo"], { detached: true, stdio: "ignore", env: { ...process.env, SYNAPSE_JOB_ID: "run-1" } });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await new Promise((resolve) => child.once("spawn", resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await killGroupIfOurs(child.pid!, "run-2")).toBe(0); // the pid was reused by somebody else's process
    expect(alive(child.pid!)).toBe(true);
    expect(await killGroupIfOurs(child.pid!, "run-1")).toBe(3); // sh and both sleeps
    expect(await exited).toBeNull(); // killed by a signal, no exit code
    expect(alive(child.pid!)).toBe(false);
  });
});
