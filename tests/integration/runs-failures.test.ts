import { describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { authHeaders, hubUrl, signUpMember } from "@/tests/helpers/hub";
import { allEvents, getRun, launchOk, logMessages, publishRunnable, waitForRun } from "@/tests/helpers/runs";

const isRunning = (run: { status: string }) => run.status === "running";

/** The hub answers quickly while a run misbehaves. */
async function expectResponsive(): Promise<void> {
  const started = Date.now();
  const response = await fetch(`${hubUrl()}/api/v1/plugins?limit=1`, { headers: authHeaders() });
  expect(response.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(2000);
}

describe("a plugin that misbehaves ends failed, with the cause shown", () => {
  it("raises: failed, with the exception as the error and its traceback in the log", async () => {
    const code = await publishRunnable({ boom: { body: 'raise ValueError("the data is not there")' } });
    const run = await waitForRun((await launchOk({ plugin: code, action: "boom" })).id);
    expect(run.status).toBe("failed");
    expect(run.error).toContain("the data is not there");
    expect(run.exitCode).not.toBe(0);
    expect(logMessages(await allEvents(run.id)).join("\n")).toContain("Traceback");
  });

  it("exits non-zero without a word: failed, with the exit code", async () => {
    const code = await publishRunnable({ quit: { body: "os._exit(3)" } });
    const run = await waitForRun((await launchOk({ plugin: code, action: "quit" })).id);
    expect(run.status).toBe("failed");
    expect(run.exitCode).toBe(3);
    expect(run.error).toContain("code 3");
  });

  it("prints binary garbage: the run still succeeds and its log holds the printable lines", async () => {
    const code = await publishRunnable({
      garbage: {
        body: 'sys.stdout.buffer.write(bytes(range(256)) * 64 + b"\\n\\xff\\xfe broken utf-8\\n")\nsys.stdout.flush()\nprint("still here")\nreturn {"ok": True}',
      },
    });
    const run = await waitForRun((await launchOk({ plugin: code, action: "garbage" })).id);
    expect(run.status, run.error ?? "").toBe("succeeded");
    const lines = logMessages(await allEvents(run.id));
    expect(lines).toContain("still here");
    expect(lines.some((line) => line.includes("broken utf-8"))).toBe(true);
  });

  it("floods its log: the hub stays responsive and the run succeeds", async () => {
    const code = await publishRunnable({ flood: { body: 'for i in range(150000):\n    print(f"line {i} " + "x" * 100)\nreturn {"printed": 150000}' } });
    const launched = await launchOk({ plugin: code, action: "flood" });
    await waitForRun(launched.id, isRunning);
    await expectResponsive();
    const run = await waitForRun(launched.id, undefined, 120_000);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run.lastEventId).toBeGreaterThan(150_000);
  });

  it("overruns its timeout: stopped, failed with the limit named", async () => {
    const code = await publishRunnable({ sleepy: { body: "time.sleep(600)" } });
    const launched = await launchOk({ plugin: code, action: "sleepy", timeoutSeconds: 2 });
    const run = await waitForRun(launched.id, undefined, 30_000);
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/Timed out after 2 s/);
    await expectResponsive();
  });
});

describe("cancelling", () => {
  it("stops a running run (cancelled, its process gone) and answers 409 for a finished one", async () => {
    const code = await publishRunnable({
      long: { body: "print(os.getpid(), flush=True)\nfor i in range(600):\n    ctx.set_progress(i, 600)\n    time.sleep(0.5)" },
    });
    const launched = await launchOk({ plugin: code, action: "long" });
    // "running" is reported before the action's first line: wait for its pid, so the kill meets a live action.
    const pid = await vi.waitFor(
      async () => {
        const line = logMessages(await allEvents(launched.id)).find((message) => /^\d+$/.test(message));
        if (!line) throw new Error("no pid logged yet");
        return Number(line);
      },
      { timeout: 60_000, interval: 200 },
    );
    expect((await getRun(launched.id)).status).toBe("running");
    const cancel = await fetch(`${hubUrl()}/api/v1/runs/${launched.id}/cancel`, { method: "POST", headers: authHeaders() });
    expect(cancel.status).toBe(200);
    const run = await waitForRun(launched.id, undefined, 20_000);
    expect(run.status).toBe("cancelled");
    expect(pid).toBeGreaterThan(1);
    expect(() => process.kill(pid, 0)).toThrow(); // the process is gone

    const again = await fetch(`${hubUrl()}/api/v1/runs/${launched.id}/cancel`, { method: "POST", headers: authHeaders() });
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe("run_finished");
    expect((await getRun(launched.id)).status).toBe("cancelled");
  });

  it("is for whoever launched the run, the plugin's maintainers and admins, not any member", async () => {
    const code = await publishRunnable({ nap: { body: "time.sleep(600)" } });
    const launched = await launchOk({ plugin: code, action: "nap" });
    const cookie = await signUpMember("Bystander", randomUUID().slice(0, 8));
    const refused = await fetch(`${hubUrl()}/api/v1/runs/${launched.id}/cancel`, { method: "POST", headers: { cookie, origin: hubUrl() } });
    expect(refused.status).toBe(403);
    expect((await getRun(launched.id)).status).not.toBe("cancelled");
    const allowed = await fetch(`${hubUrl()}/api/v1/runs/${launched.id}/cancel`, { method: "POST", headers: authHeaders() });
    expect(allowed.status).toBe(200);
    expect((await waitForRun(launched.id, undefined, 20_000)).status).toBe("cancelled");
  });
});
