import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunEventDto } from "@/lib/runs/schemas";
import type { HubProcess } from "@/scripts/lib/hub-process";
import { authHeaders, hubUrl } from "@/tests/helpers/hub";
import {
  putRayServeApps,
  rayAddress,
  rayJob,
  rayJobs,
  rayServeApps,
  rayServeUrl,
  uploadRayPackage,
  waitForRayJob,
  waitForRayServeApp,
} from "@/tests/helpers/ray";
import { allEvents, getRun, launch, launchOk, logMessages, publishRunnable, waitForRun } from "@/tests/helpers/runs";
import { startSiblingHub } from "@/tests/helpers/sibling-hub";
import { buildZip } from "@/tests/helpers/zip-builder";

// The Ray backend against the real Ray head scripts/test.ts starts. Two hub instances have the
// cluster (A and B, sharing the suite's database and blob folder); the suite's own hub has none and
// keeps the local backend, as an API-only instance would.
let a: HubProcess;
let b: HubProcess;
const rayEnv = () => ({ RAY_ADDRESS: rayAddress(), RAY_SERVE_URL: rayServeUrl(), LOCAL_CONCURRENCY: "1" });

beforeAll(async () => {
  [a, b] = await Promise.all([startSiblingHub({ env: rayEnv() }), startSiblingHub({ env: rayEnv() })]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const cancel = (id: string, base = hubUrl()) => fetch(`${base}/api/v1/runs/${id}/cancel`, { method: "POST", headers: authHeaders() });

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Collects a run's live events from one instance's SSE stream until `until` holds for one of them. */
async function watchLive(base: string, id: string, until: (event: RunEventDto) => boolean, timeoutMs = 120_000): Promise<RunEventDto[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const response = await fetch(`${base}/api/v1/runs/${id}/events`, { headers: { ...authHeaders(), accept: "text/event-stream" }, signal: controller.signal });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: RunEventDto[] = [];
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return events;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
        buffer = buffer.slice(end + 2);
        if (!data) continue;
        const event = JSON.parse(data) as RunEventDto & { receivedAt: number };
        event.receivedAt = Date.now();
        events.push(event);
        if (until(event)) return events;
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

describe("the Ray backend", () => {
  it("runs the example train action as a Ray job, launched on one instance and watched live on another", { timeout: 180_000 }, async () => {
    const launched = await launchOk(
      { plugin: "tiny-classifier", action: "train", params: { epochs: 12, sleep_per_epoch: 0.2 }, resources: { cpus: 0.5 } },
      a.url,
    );
    expect(launched.backend).toBe("ray");
    expect(launched.resources).toEqual({ cpus: 0.5 });
    // B never saw the launch; its stream gets what the run reports to A (or to the cluster) as it happens.
    const live = (await watchLive(b.url, launched.id, (e) => e.type === "status" && (e.data as { status: string }).status === "succeeded")) as (RunEventDto & {
      receivedAt: number;
    })[];
    const progress = live.filter((e) => e.type === "progress");
    expect(progress.length).toBeGreaterThanOrEqual(5);
    // Live means spread over the run (12 epochs × 0.2 s), not delivered in one lump at its end.
    expect(progress.at(-1)!.receivedAt - progress[0].receivedAt).toBeGreaterThan(1500);
    const statuses = live.filter((e) => e.type === "status").map((e) => (e.data as { status: string }).status);
    expect(statuses).toEqual(expect.arrayContaining(["starting", "running", "succeeded"]));

    const run = await getRun(launched.id);
    expect(run.result).toMatchObject({ accuracy: expect.any(Number) });
    const job = await rayJob(run.id);
    expect(job?.status).toBe("SUCCEEDED");
    expect(job?.entrypoint).toBe("python -m synapse_hub_runtime");
    expect(job?.metadata).toMatchObject({ synapse_hub_run: run.id, plugin: "tiny-classifier", action: "train" });
    // The version traveled as a Ray package, and the job reports to the instance that submitted it.
    expect(job?.runtime_env).toMatchObject({ working_dir: expect.stringMatching(/^gcs:\/\/_ray_pkg_[0-9a-f]{32}\.zip$/) });
    expect([a.url, b.url]).toContain((job?.runtime_env as { env_vars: Record<string, string> }).env_vars.SYNAPSE_HOST);
    // Each run is submitted exactly once, whichever instance's worker took it.
    expect(logMessages(await allEvents(run.id)).filter((m) => /^(Submitted to Ray|Adopted the Ray job)/.test(m))).toHaveLength(1);
    // The driver's log is merged into the run's.
    expect(logMessages(await allEvents(run.id)).some((m) => m.includes("Runtime env is setting up"))).toBe(true);
  });

  it("cancel stops the Ray job", { timeout: 120_000 }, async () => {
    const code = await publishRunnable({ long: { body: 'print("sleeping", flush=True)\ntime.sleep(300)' } });
    const launched = await launchOk({ plugin: code, action: "long", backend: "ray" }, a.url);
    await waitForRun(launched.id, (r) => r.status === "running", 90_000);
    await waitForRayJob(launched.id, ["RUNNING"]);
    expect((await cancel(launched.id)).status).toBe(200); // asked of the suite's hub, which has no Ray: the mark travels through Postgres
    const run = await waitForRun(launched.id, undefined, 60_000);
    expect(run.status).toBe("cancelled");
    expect((await waitForRayJob(launched.id, ["STOPPED"], 30_000)).status).toBe("STOPPED");
  });

  it("a run asking for more CPUs than the cluster has waits for them on Ray, and a cancel ends it at once", { timeout: 120_000 }, async () => {
    // Ray reserves the entrypoint's resources before it starts the driver: 1,000 CPUs are never free here.
    const launched = await launchOk({ plugin: "tiny-classifier", action: "train", backend: "ray", resources: { cpus: 1000 } }, a.url);
    expect((await waitForRayJob(launched.id, ["PENDING"])).status).toBe("PENDING");
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await rayJob(launched.id))?.status).toBe("PENDING");
    expect((await getRun(launched.id)).status).toBe("starting");
    expect((await cancel(launched.id, b.url)).status).toBe(200);
    expect((await waitForRun(launched.id, undefined, 30_000)).status).toBe("cancelled");
    // Ray 2.44 cannot stop a job whose driver never got its resources (the stop waits for them); the
    // hub asked, and the job never ran.
    expect((await rayJob(launched.id))?.status).toBe("PENDING");
  });

  it("a submit retried after its answer was lost adopts the job Ray already has", { timeout: 120_000 }, async () => {
    // The action holds still until the test lets it go, so no report of its own moves the run on
    // while it is queued again.
    const gate = path.join(await mkdtemp(path.join(os.tmpdir(), "ray-adopt-")), "go");
    const code = await publishRunnable({
      work: {
        body: `ctx.set_progress(1, 2, "work")\nwhile not os.path.exists(${JSON.stringify(gate)}):\n    time.sleep(0.1)\nctx.set_progress(2, 2, "work")\nreturn {"ok": True}`,
      },
    });
    const launched = await launchOk({ plugin: code, action: "work", backend: "ray" }, a.url);
    await waitForRun(launched.id, (r) => r.status === "running" && (r.progress?.steps.work?.percent ?? 0) > 0, 90_000);
    // As if the instance died between Ray's answer and marking the run: it is queued again, with its queue entry.
    await query("UPDATE runs SET status = 'queued' WHERE id = $1", [launched.id]);
    await query("SELECT graphile_worker.add_job('submit_ray_run', json_build_object('runId', $1::text), max_attempts => 1, job_key => $1::text)", [
      launched.id,
    ]);
    // Taken up again: adopted (starting), and the watcher may already have seen Ray run it (running).
    await waitForRun(launched.id, (r) => r.status !== "queued", 30_000);
    await writeFile(gate, "");
    const run = await waitForRun(launched.id, undefined, 60_000);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run.result).toEqual({ ok: true });
    const messages = logMessages(await allEvents(run.id));
    expect(messages.filter((m) => m.startsWith("Submitted to Ray"))).toHaveLength(1);
    expect(messages.filter((m) => m.startsWith("Adopted the Ray job"))).toHaveLength(1);
    expect((await rayJobs()).filter((job) => job.submission_id === run.id)).toHaveLength(1);
  });

  it("deploys a serve action as a Serve application reachable through the hub, keeping an application deployed outside it", { timeout: 240_000 }, async () => {
    // Another client of the cluster deployed this one before the hub's first deployment.
    const outside = await uploadRayPackage(
      buildZip([
        {
          name: "outside_app.py",
          data: "from ray import serve\n\n@serve.deployment(ray_actor_options={'num_cpus': 0})\nclass Hello:\n    async def __call__(self, request):\n        return {'hello': 'from outside'}\n\napp = Hello.bind()\n",
        },
      ]),
      `_ray_pkg_outside${process.pid}.zip`,
    );
    const existing = Object.values(await rayServeApps())
      .filter((app) => app.source === "declarative" && app.deployed_app_config)
      .map((app) => app.deployed_app_config!);
    await putRayServeApps([...existing, { name: "outside", route_prefix: "/outside", import_path: "outside_app:app", runtime_env: { working_dir: outside } }]);
    await waitForRayServeApp("outside", "RUNNING");

    // Two deployments at once, from two instances: one writer at a time, so neither list loses the other.
    const [first, second] = await Promise.all([
      launchOk({ plugin: "tiny-classifier", action: "inference", backend: "ray", resources: { cpus: 0 } }, a.url),
      launchOk({ plugin: "tiny-classifier", action: "inference", backend: "ray", resources: { cpus: 0 } }, b.url),
    ]);
    for (const id of [first.id, second.id]) {
      const run = await waitForRun(id, (r) => r.status === "running" || r.status === "failed", 180_000);
      expect(run.status, run.error ?? "").toBe("running");
      expect(run.serveUrl).toBe(`/serve/${id}/`);
    }
    const apps = await rayServeApps();
    expect(Object.keys(apps)).toEqual(expect.arrayContaining([`shub-${first.id}`, `shub-${second.id}`, "outside"]));

    // Reachable through either instance with the cluster; one without its address says why it cannot.
    for (const base of [a.url, b.url]) {
      const answer = await fetch(`${base}/serve/${first.id}/predict`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ points: [[2, 2]] }),
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-security-policy")).toContain("sandbox");
      expect(await answer.json()).toMatchObject({ labels: [1] });
    }
    const refused = await fetch(`${hubUrl()}/serve/${first.id}/`);
    expect(refused.status).toBe(502);

    expect((await cancel(first.id, b.url)).status).toBe(200);
    expect((await cancel(second.id, a.url)).status).toBe(200);
    for (const id of [first.id, second.id]) expect((await waitForRun(id, undefined, 60_000)).status).toBe("cancelled");
    await waitForRayServeApp(`shub-${first.id}`, "absent", 60_000);
    await waitForRayServeApp(`shub-${second.id}`, "absent", 60_000);
    expect((await rayServeApps()).outside?.status).toBe("RUNNING");
    expect(await (await fetch(`${rayServeUrl()}/outside`)).json()).toEqual({ hello: "from outside" });
  });

  it("refuses Ray on an instance without a cluster, and the Compute view shows the cluster", async () => {
    const refused = await launch({ plugin: "tiny-classifier", action: "train", backend: "ray" });
    expect(refused.status).toBe(422);
    expect((await refused.json()).code).toBe("backend_unavailable");

    const view = await (await fetch(`${a.url}/api/v1/compute`, { headers: authHeaders() })).json();
    expect(view.defaultBackend).toBe("ray");
    expect(view.ray).toMatchObject({ address: rayAddress(), reachable: true, version: "2.44.1" });
    expect(view.ray.nodes).toHaveLength(1);
    expect(view.ray.cpus.total).toBeGreaterThan(0);
    const none = await (await fetch(`${hubUrl()}/api/v1/compute`, { headers: authHeaders() })).json();
    expect(none).toMatchObject({ defaultBackend: "local", ray: null });
  });
});
