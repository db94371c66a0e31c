// Serve actions answer over HTTP on 127.0.0.1:SYNAPSE_SERVE_PORT and stop cleanly on SIGTERM;
// a job stops on SIGTERM (the hub's cancel) and says so.
import { afterEach, describe, expect, it } from "vitest";
import { startFakeHub, untilRunning, type FakeHub } from "./fake-hub";
import { freePort, launch, removeRunFolders } from "./run-runtime";

let hub: FakeHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  removeRunFolders();
});

describe("runtime serve", () => {
  it("serves JSON predictions from a class with predict(), and stops on SIGTERM", async () => {
    hub = await startFakeHub();
    const port = await freePort();
    const served = launch({
      entrypoint: "probe.actions.Adder",
      method: "serve",
      params: { offset: 10 },
      hub: hub.url,
      env: { SYNAPSE_SERVE_PORT: String(port) },
    });
    await untilRunning(hub);
    const base = `http://127.0.0.1:${port}`;

    const info = await fetch(`${base}/`);
    expect(await info.json()).toMatchObject({ action: "Adder", status: "ready" });
    for (const path of ["/", "/predict"]) {
      const answer = await fetch(`${base}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ numbers: [1, 2, 3] }),
      });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ sum: 16 });
    }
    const bad = await fetch(`${base}/predict`, { method: "POST", body: "{not json" });
    expect(bad.status).toBe(400);
    const broken = await fetch(`${base}/predict`, { method: "POST", body: JSON.stringify({ numbers: "x" }) });
    expect(broken.status).toBe(500);
    expect(await broken.json()).toEqual({ error: expect.stringMatching(/^TypeError: /) });
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);

    served.child.kill("SIGTERM");
    const finished = await served.done;
    expect(finished.code).toBe(0);
    expect(finished.ms).toBeLessThan(15_000);
    expect(hub.patches().at(-1)).toEqual({ status: "STOPPED" });
    await expect(fetch(`${base}/`)).rejects.toThrow();
  });

  it("serves a WSGI app as is, giving it the hub's public prefix for its links", async () => {
    hub = await startFakeHub();
    const port = await freePort();
    const served = launch({
      entrypoint: "probe.actions:Page",
      method: "serve",
      params: { title: "Probe UI" },
      hub: hub.url,
      env: { SYNAPSE_SERVE_PORT: String(port), SYNAPSE_SERVE_PREFIX: "/serve/abc" },
    });
    await untilRunning(hub);
    // The hub strips the prefix before forwarding; a direct call with the prefix works too.
    for (const [path, seen] of [
      ["/", "/"],
      ["/serve/abc/deeper", "/deeper"],
    ]) {
      const page = await fetch(`http://127.0.0.1:${port}${path}`);
      expect(page.headers.get("content-type")).toBe("text/html");
      expect(await page.text()).toBe(`<h1>Probe UI</h1><a href="/serve/abc/next">next</a> path=${seen}`);
    }
    served.child.kill("SIGTERM");
    expect((await served.done).code).toBe(0);
  });

  it("stops a running job on SIGTERM: STOPPED reported, exit 143, well before the action's end", async () => {
    hub = await startFakeHub();
    const job = launch({ entrypoint: "probe.actions:sleepy", params: { seconds: 60 }, hub: hub.url });
    await untilRunning(hub);
    job.child.kill("SIGTERM");
    const finished = await job.done;
    expect(finished.code).toBe(143);
    expect(finished.ms).toBeLessThan(10_000);
    expect(hub.patches().at(-1)).toEqual({ status: "STOPPED" });
    expect(hub.logs().map((l) => l.data.content)).toEqual(["sleeping", "Stopped by SIGTERM"]);
  });
});
