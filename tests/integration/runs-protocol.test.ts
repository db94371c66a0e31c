import { describe, expect, it } from "vitest";
import { authHeaders, hubUrl } from "@/tests/helpers/hub";
import { allEvents, getRun, launchOk, publishRunnable, waitForRun } from "@/tests/helpers/runs";

// The plugin hands its run token back as its result, so the test can act as a (rogue) reporter.
const leak =
  'ctx.set_metrics({"loss": 0.25}, "train")\nctx.set_progress(1, 2, "train")\nreturn {"token": os.environ["SYNAPSE_ACCESS_TOKEN"], "job": os.environ["SYNAPSE_JOB_ID"]}';

describe("the Synapse job protocol", () => {
  it("reports progress, metrics and results, and reads back as a Synapse job", async () => {
    const code = await publishRunnable({ leak: { body: leak } });
    const run = await waitForRun((await launchOk({ plugin: code, action: "leak" })).id);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run.metrics).toEqual({ train: { loss: 0.25 } });
    expect(run.progress?.steps.train.percent).toBe(50);
    const job = await (await fetch(`${hubUrl()}/jobs/${run.id}/`, { headers: authHeaders() })).json();
    expect(job).toMatchObject({ id: run.id, status: "succeeded", metrics_record: { record: { steps: { train: { loss: 0.25 } } } } });
    const types = new Set((await allEvents(run.id)).map((e) => e.type));
    for (const type of ["status", "progress", "metrics", "log", "result"]) expect(types).toContain(type);
  });

  it("lets a run's token report only for its own run", async () => {
    const code = await publishRunnable({ leak: { body: leak } });
    const first = await waitForRun((await launchOk({ plugin: code, action: "leak" })).id);
    const second = await waitForRun((await launchOk({ plugin: code, action: "leak" })).id);
    const { token } = first.result as { token: string };
    const asRun = { authorization: `Token ${token}`, "content-type": "application/json" };

    const foreignPatch = await fetch(`${hubUrl()}/jobs/${second.id}/`, { method: "PATCH", headers: asRun, body: JSON.stringify({ status: "FAILED" }) });
    expect(foreignPatch.status).toBe(403);
    const foreignLog = await fetch(`${hubUrl()}/logs/`, {
      method: "POST",
      headers: asRun,
      body: JSON.stringify([{ event: "message", data: { content: "x" }, job: second.id }]),
    });
    expect(foreignLog.status).toBe(403);
    expect((await getRun(second.id)).status).toBe("succeeded");

    // An account token is no run token: it may read a job, never report for one.
    const userPatch = await fetch(`${hubUrl()}/jobs/${first.id}/`, {
      method: "PATCH",
      headers: { ...authHeaders(), "content-type": "application/json" },
      body: "{}",
    });
    expect(userPatch.status).toBe(403);
    const nobody = await fetch(`${hubUrl()}/logs/`, { method: "POST", headers: { "content-type": "application/json" }, body: "[]" });
    expect(nobody.status).toBe(401);

    // A late report for a finished run never rewrites it; its late log lines are still kept.
    const late = await fetch(`${hubUrl()}/jobs/${first.id}/`, {
      method: "PATCH",
      headers: asRun,
      body: JSON.stringify({ status: "FAILED", result: { error: "late" } }),
    });
    expect(late.status).toBe(200);
    expect((await getRun(first.id)).status).toBe("succeeded");
    const lateLog = await fetch(`${hubUrl()}/logs/`, {
      method: "POST",
      headers: asRun,
      body: JSON.stringify({ event: "message", data: { content: "a late line", context: "warning" }, job: first.id, datetime: new Date().toISOString() }),
    });
    expect(lateLog.status).toBe(201);
    const last = (await allEvents(first.id)).at(-1)!;
    expect(last).toMatchObject({ type: "log", data: { level: "warning", message: "a late line", source: "plugin" } });
  });

  it("tails the console log the Synapse way: connected, log lines, complete", async () => {
    const code = await publishRunnable({ talk: { body: 'for i in range(5):\n    print(f"out {i}", flush=True)\n    time.sleep(0.1)\nreturn 1' } });
    const run = await launchOk({ plugin: code, action: "talk" });
    const response = await fetch(`${hubUrl()}/async/jobs/${run.id}/tail_console_logs/`, { headers: { ...authHeaders(), accept: "text/event-stream" } });
    expect(response.status).toBe(200);
    const text = await response.text(); // the stream ends at the run's end
    const messages = [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]));
    expect(messages[0]).toEqual({ type: "connected" });
    expect(messages.at(-1)).toEqual({ type: "complete" });
    expect(messages.filter((m) => m.type === "log").map((m) => m.message)).toEqual(expect.arrayContaining(["out 0", "out 4"]));
    const logs = await (await fetch(`${hubUrl()}/jobs/${run.id}/console_logs/`, { headers: authHeaders() })).json();
    expect(logs.result).toMatch(/out 0[\s\S]*out 4/);
  });

  it("launches through POST /plugins/{code}/run/ as the SDK's client does", async () => {
    const code = await publishRunnable({ leak: { body: leak } });
    const response = await fetch(`${hubUrl()}/plugins/${code}/run/`, {
      method: "POST",
      headers: { "synapse-access-token": `Token ${authHeaders().authorization.replace("Bearer ", "")}`, "content-type": "application/json" },
      body: JSON.stringify({ agent: 1, action: "leak", params: {}, debug: true }),
    });
    expect(response.status).toBe(201);
    const job = await response.json();
    expect(job).toMatchObject({ status: "pending", plugin: code, action: "leak" });
    expect((await waitForRun(job.id)).status).toBe("succeeded");
  });
});
