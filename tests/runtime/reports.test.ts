// The runtime speaks the Synapse job protocol (DESIGN.md §3) to a hub: report order and shapes,
// failures, and the entrypoint and params conventions.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeHub, type FakeHub } from "./fake-hub";
import { JOB_ID, printedResult, removeRunFolders, run, TOKEN } from "./run-runtime";

let hub: FakeHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  removeRunFolders();
});

const probeParams = { nested: { value: 42 }, entries: [{ name: "first" }] };

describe("runtime reports", () => {
  it("reports RUNNING first, then progress, metrics and logs, and ends SUCCEEDED with the result", async () => {
    hub = await startFakeHub();
    const finished = await run({ entrypoint: "probe.actions.Report", params: probeParams, hub: hub.url });
    expect(finished.stderr).not.toMatch(/Traceback/);
    expect(finished.code).toBe(0);

    expect(hub.requests.every((r) => r.authorization === `Token ${TOKEN}`)).toBe(true);
    const artifactPath = `/api/v1/runs/${JOB_ID}/artifacts/probe-note.txt`;
    expect(hub.requests.every((r) => r.path === `/jobs/${JOB_ID}/` || r.path === "/logs/" || r.path === artifactPath)).toBe(true);
    const patches = hub.patches();
    expect(hub.requests[0]).toMatchObject({ method: "PATCH", body: { status: "RUNNING" } });
    const last = patches[patches.length - 1];
    expect(last.status).toBe("SUCCEEDED");
    expect(last.result).toMatchObject({ value: 42, first: "first", stored: "probe-note.txt" });
    expect((last.result as { cwd: string }).cwd).toBe(finished.cwd);
    // The final PATCH comes after every log entry.
    const lastLogAt = hub.requests.findLastIndex((r) => r.path === "/logs/");
    expect(hub.requests.findIndex((r) => (r.body as { status?: string })?.status === "SUCCEEDED")).toBeGreaterThan(lastLogAt);

    const progress = patches.findLast((p) => p.progress_record)?.progress_record;
    expect(progress).toEqual({
      record: { steps: { prepare: { percent: 100, time_remaining: 0 }, work: { percent: 50, time_remaining: null } } },
      current_progress: { overall: 75, step: "work", percent: 50, time_remaining: null },
    });
    // Metrics are sent whole; a NaN arrives as null, never as invalid JSON.
    expect(patches.findLast((p) => p.metrics_record)?.metrics_record).toEqual({ record: { steps: { work: { loss: 0.5, accuracy: 0.75, diverged: null } } } });

    const logs = hub.logs();
    expect(logs.every((l) => l.job === JOB_ID && !Number.isNaN(Date.parse(l.datetime)))).toBe(true);
    // The artifact is uploaded, not logged: the hub records it (and tells live pages) itself.
    expect(logs.map((l) => [l.event, l.level])).toEqual([
      ["message", "info"],
      ["message", "warning"],
      ["visualization", "info"],
    ]);
    expect(logs[0].data).toEqual({ context: "info", content: "hello from the probe" });
    expect(logs[1].data).toEqual({ context: "warning", content: "careful" });
    const artifact = path.join(finished.artifacts, "probe-note.txt");
    expect(readFileSync(artifact, "utf8")).toBe("probe artifact\n");
    const upload = hub.requests.find((r) => r.path === artifactPath);
    expect(upload).toMatchObject({ method: "PUT", authorization: `Token ${TOKEN}` });
    expect(upload?.raw.toString()).toBe("probe artifact\n");
    expect(upload?.headers["x-artifact-sha256"]).toBe(createHash("sha256").update("probe artifact\n").digest("hex"));
    expect(upload?.headers["content-length"]).toBe("15");
    // Uploaded before the run's end is reported.
    expect(hub.requests.indexOf(upload!)).toBeLessThan(hub.requests.findIndex((r) => (r.body as { status?: string })?.status === "SUCCEEDED"));
    expect(logs[2].file).toBe(`data:text/plain;base64,${Buffer.from("probe artifact\n").toString("base64")}`);

    expect(printedResult(finished.stdout)).toEqual(last.result);
  });

  it("reports FAILED with the error and its traceback for an action that raises, and exits 1", async () => {
    hub = await startFakeHub();
    const finished = await run({ entrypoint: "probe.actions:fail", hub: hub.url });
    expect(finished.code).toBe(1);
    const patches = hub.patches();
    expect(patches[0]).toEqual({ status: "RUNNING" });
    expect(patches[patches.length - 1]).toEqual({ status: "FAILED", result: { error: "ValueError: the probe failed on purpose" } });
    const error = hub.logs().find((l) => l.event === "error");
    expect(error?.level).toBe("error");
    expect(error?.data.traceback).toMatch(/probe\/actions\.py", line \d+, in fail\n\s+raise ValueError/);
    expect(finished.stderr).toMatch(/ValueError: the probe failed on purpose/);
    expect(printedResult(finished.stdout)).toBeUndefined();
  });

  it("fails with a clear message for an entrypoint that does not exist", async () => {
    hub = await startFakeHub();
    const finished = await run({ entrypoint: "probe.actions:missing", hub: hub.url });
    expect(finished.code).toBe(1);
    // Even an instant failure reports RUNNING first: the end never overwrites an unsent status.
    expect(hub.patches()[0]).toEqual({ status: "RUNNING" });
    expect(hub.patches().at(-1)).toEqual({ status: "FAILED", result: { error: "'probe.actions' has no 'missing' (entrypoint 'probe.actions:missing')" } });
  });

  it("fails with a clear message when the params are not a JSON object", async () => {
    hub = await startFakeHub();
    const finished = await run({ entrypoint: "probe.actions:echo", hub: hub.url, env: { SYNAPSE_ACTION_PARAMS: "[1, 2]" } });
    expect(finished.code).toBe(1);
    expect(hub.patches().at(-1)).toEqual({ status: "FAILED", result: { error: "SYNAPSE_ACTION_PARAMS must be a JSON object, got list" } });
  });

  it.each(["probe.actions.echo", "probe.actions:echo"])("runs the function entrypoint %s with attribute access to nested params", async (entrypoint) => {
    hub = await startFakeHub();
    const finished = await run({ entrypoint, params: { nested: { value: "deep" }, other: 1 }, hub: hub.url });
    expect(finished.code).toBe(0);
    expect(hub.patches().at(-1)).toMatchObject({ status: "SUCCEEDED", result: { value: "deep", keys: ["nested", "other"] } });
  });

  it("reads large params from SYNAPSE_ACTION_PARAMS_FILE", async () => {
    hub = await startFakeHub();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "params-")), "params.json");
    writeFileSync(file, JSON.stringify({ nested: { value: "x".repeat(200_000) } }));
    const finished = await run({ entrypoint: "probe.actions:echo", hub: hub.url, env: { SYNAPSE_ACTION_PARAMS: "", SYNAPSE_ACTION_PARAMS_FILE: file } });
    expect(finished.code).toBe(0);
    expect((hub.patches().at(-1)?.result as { value: string }).value).toHaveLength(200_000);
    rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it("without a hub, only logs to the console and still prints the result", async () => {
    const finished = await run({ entrypoint: "probe.actions.Report", params: probeParams });
    expect(finished.code).toBe(0);
    expect(finished.stdout).toMatch(/\[progress\] work 1\/2 \(50\.0%\)/);
    expect(finished.stdout).toMatch(/\[info\] hello from the probe/);
    expect(printedResult(finished.stdout)).toMatchObject({ value: 42 });
    expect(existsSync(path.join(finished.artifacts, "probe-note.txt"))).toBe(true);
  });
});
