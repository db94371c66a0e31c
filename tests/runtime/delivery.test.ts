// The runtime's reports survive a slow, failing or dead hub: batching, retries with back-off,
// bounded memory, and an exit deadline so a plugin never hangs on the network.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeHub, type FakeHub } from "./fake-hub";
import { freePort, removeRunFolders, run, RUNTIME_DIR } from "./run-runtime";

let hub: FakeHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  removeRunFolders();
});

const lines = (hub: FakeHub) =>
  hub
    .logs()
    .filter((l) => l.event === "message" && l.level === "info")
    .map((l) => l.data.content);

describe("runtime delivery", () => {
  it("batches 10,000 progress reports and 10,000 log lines: fast, few requests, last progress and every line in order", async () => {
    hub = await startFakeHub();
    const finished = await run({ entrypoint: "probe.actions:flood", params: { count: 10_000 }, hub: hub.url });
    expect(finished.code).toBe(0);
    const result = hub.patches().at(-1)?.result as { seconds: number };
    expect(result.seconds).toBeLessThan(1);
    expect(finished.ms).toBeLessThan(2_000);
    expect(hub.requests.length).toBeLessThan(100);
    expect(lines(hub)).toEqual(Array.from({ length: 10_000 }, (_, i) => `line ${i}`));
    const progress = hub.patches().findLast((p) => p.progress_record)?.progress_record as { current_progress: unknown };
    expect(progress.current_progress).toEqual({ overall: 100, step: "flood", percent: 100, time_remaining: 0 });
  });

  it("retries after 503 and 429 answers (honouring Retry-After) and still delivers everything in order", async () => {
    hub = await startFakeHub((_req, index) => (index < 2 ? { status: 503 } : index === 2 ? { status: 429, headers: { "retry-after": "1" } } : { status: 200 }));
    const finished = await run({ entrypoint: "probe.actions:flood", params: { count: 50 }, hub: hub.url });
    expect(finished.code).toBe(0);
    // The same PATCH, retried; each attempt carries the newest progress.
    expect(hub.requests.slice(0, 4).map((r) => [r.method, (r.body as { status: string }).status])).toEqual(Array(4).fill(["PATCH", "RUNNING"]));
    expect(hub.requests[3].at - hub.requests[2].at).toBeGreaterThanOrEqual(950);
    expect(lines(hub)).toEqual(Array.from({ length: 50 }, (_, i) => `line ${i}`));
    expect(hub.patches().at(-1)).toMatchObject({ status: "SUCCEEDED" });
    expect(finished.stderr).toMatch(/failed \(HTTP 503\); retrying/);
    expect(finished.stderr).toMatch(/delivered after 3 retries/);
  });

  it("drops a batch the hub refuses with a 4xx other than 429, with a warning, and carries on", async () => {
    hub = await startFakeHub((req) => (req.path === "/logs/" ? { status: 400 } : { status: 200 }));
    const finished = await run({ entrypoint: "probe.actions:flood", params: { count: 20 }, hub: hub.url });
    expect(finished.code).toBe(0);
    expect(finished.stderr).toMatch(/POST \/logs\/ answered 400; dropping this report/);
    expect(hub.patches().at(-1)).toMatchObject({ status: "SUCCEEDED", result: { count: 20 } });
  });

  it("keeps at most 50,000 pending log entries while the hub is down, reporting how many it dropped", async () => {
    const doneFile = path.join(mkdtempSync(path.join(os.tmpdir(), "flood-")), "done");
    // The hub answers 503 until the action has logged everything, so the backlog overflows.
    hub = await startFakeHub(() => (existsSync(doneFile) ? { status: 200 } : { status: 503, headers: { "retry-after": "0" } }));
    const finished = await run({ entrypoint: "probe.actions:flood", params: { count: 60_000, done_file: doneFile }, hub: hub.url });
    expect(finished.code).toBe(0);
    const delivered = lines(hub) as string[];
    const notice = hub.logs().find((l) => l.level === "warning");
    const dropped = Number(/^(\d+) log entries were dropped/.exec(String(notice?.data.content))?.[1]);
    expect(dropped).toBeGreaterThan(0);
    expect(delivered.length + dropped).toBe(60_000);
    expect(delivered.length).toBeLessThanOrEqual(50_000 + 1_000); // the pending limit, plus the one batch in flight
    expect(delivered.at(-1)).toBe("line 59999");
    const numbers = delivered.map((line) => Number(line.split(" ")[1]));
    expect(numbers.every((n, i) => i === 0 || n > numbers[i - 1])).toBe(true);
    expect(hub.patches().at(-1)).toMatchObject({ status: "SUCCEEDED" });
    rmSync(path.dirname(doneFile), { recursive: true, force: true });
  }, 30_000);

  it("never lets the end overwrite a RUNNING not yet sent", async () => {
    hub = await startFakeHub();
    // The reporter alone, driven faster than its thread wakes up.
    const script = [
      "import sys",
      "from synapse_hub_runtime.reporter import Reporter",
      "from synapse_hub_runtime.transport import Transport",
      "reporter = Reporter(Transport(sys.argv[1], 't'), 'job')",
      "reporter.patch(status='RUNNING')",
      "sys.exit(0 if reporter.close(5, status='SUCCEEDED', result=1) else 1)",
    ].join("\n");
    // Asynchronously: the fake hub answers from this same event loop.
    await promisify(execFile)("python3", ["-c", script, hub.url], { env: { ...process.env, PYTHONPATH: RUNTIME_DIR } });
    expect(hub.patches()).toEqual([{ status: "RUNNING" }, { status: "SUCCEEDED", result: 1 }]);
  });

  it("with a dead hub, the plugin still finishes within the exit deadline and exits 0", async () => {
    const finished = await run({ entrypoint: "probe.actions:flood", params: { count: 1_000 }, hub: `http://127.0.0.1:${await freePort()}` });
    expect(finished.code).toBe(0);
    expect(finished.ms).toBeGreaterThan(9_000); // it did try for the whole deadline (10 s)...
    expect(finished.ms).toBeLessThan(14_000); // ...and no longer
    expect(finished.stderr).toMatch(/did not answer before the exit deadline; gave up \d+ log entries/);
    expect(finished.stdout).toMatch(/__SYNAPSE_RESULT_START__\n\{"count":1000/);
  }, 30_000);
});
