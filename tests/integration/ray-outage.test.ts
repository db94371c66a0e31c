import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HubProcess } from "@/scripts/lib/hub-process";
import { startRayHead, type RayHead } from "@/scripts/lib/ray";
import { rayJob, waitForRayJob } from "@/tests/helpers/ray";
import { allEvents, getRun, launchOk, logMessages, publishRunnable, waitForRun } from "@/tests/helpers/runs";
import { startSiblingHub } from "@/tests/helpers/sibling-hub";

// A Ray head of this file's own, so that stopping it leaves the suite's head to the other Ray tests.
const LIMIT_S = 30;
const dir = path.resolve(".test-data", `ray-outage-${process.pid}`);
let head: RayHead;
let hub: HubProcess | undefined;
const startHub = async () => {
  hub = await startSiblingHub({ env: { RAY_ADDRESS: head.address, RAY_SERVE_URL: head.serveUrl, RAY_UNREACHABLE_TIMEOUT_SECONDS: String(LIMIT_S) } });
  return hub;
};

beforeAll(async () => {
  head = await startRayHead(dir);
  await startHub();
}, 180_000);
afterAll(async () => {
  await hub?.stop();
  await head?.stop();
});

describe("the Ray backend when the cluster or the hub goes away", () => {
  it(
    "a run whose cluster stops fails saying so; a run launched meanwhile waits queued and proceeds once the cluster is back",
    { timeout: 240_000 },
    async () => {
      const code = await publishRunnable({
        long: { body: 'for i in range(600):\n    ctx.set_progress(i, 600, "work")\n    time.sleep(0.5)' },
        quick: { body: 'ctx.log_message("quick ran")\nreturn {"ok": True}' },
      });
      const long = await launchOk({ plugin: code, action: "long" }, hub!.url);
      expect(long.backend).toBe("ray");
      await waitForRun(long.id, (r) => r.status === "running", 90_000, hub!.url);

      await head.stop();
      const lost = await waitForRun(long.id, undefined, (LIMIT_S + 30) * 1000, hub!.url);
      expect(lost.status).toBe("failed");
      expect(lost.error).toMatch(/^Lost contact with the Ray cluster for \d+ s/);

      const queued = await launchOk({ plugin: code, action: "quick" }, hub!.url);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const waiting = await getRun(queued.id, hub!.url);
      expect(waiting.status).toBe("queued");
      expect(logMessages(await allEvents(queued.id)).some((m) => /did not answer.*The run waits and is tried again\./.test(m))).toBe(true);

      head = await startRayHead(dir, { ports: head.ports });
      const done = await waitForRun(queued.id, undefined, 90_000, hub!.url);
      expect(done.status, done.error ?? "").toBe("succeeded");
      expect(done.result).toEqual({ ok: true });
      expect((await rayJob(queued.id, head.address))?.status).toBe("SUCCEEDED");
    },
  );

  it("a hub restarted after a crash picks up its Ray runs: one that ended meanwhile reads so within 10 s", { timeout: 180_000 }, async () => {
    const code = await publishRunnable({ nap: { body: 'time.sleep(4)\nreturn {"napped": True}' } });
    const run = await launchOk({ plugin: code, action: "nap" }, hub!.url);
    await waitForRayJob(run.id, ["RUNNING"], 90_000, head.address);
    await hub!.stop("SIGKILL");
    hub = undefined;
    await waitForRayJob(run.id, ["SUCCEEDED"], 60_000, head.address);

    const restarted = await startHub();
    const since = Date.now();
    const ended = await waitForRun(run.id, undefined, 10_000, restarted.url);
    expect(ended.status, ended.error ?? "").toBe("succeeded");
    expect(ended.result).toEqual({ napped: true });
    console.log(`reconciled ${Date.now() - since} ms after the restarted hub answered`);
  });
});
