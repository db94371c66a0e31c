// bench/launch: what the hub adds to starting a Ray job. Side by side, in one run against one real
// Ray head (127.0.0.1):
//  - hub: from `POST /api/v1/runs` (backend ray) to the Ray job existing (`GET /api/jobs/{run id}` on
//    Ray answers), through the launch's transaction, the queue, the worker, the package check, the
//    token and Ray's own submit;
//  - direct: the same job (same entrypoint, same package, same environment) submitted straight to
//    Ray's `POST /api/jobs/`, until it answers.
// Each launch waits for the previous job to end, so both sides meet the same quiet cluster.
// Goal: the hub adds ≤ 30 ms at p50.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { bootstrapAdmin } from "../../scripts/lib/bootstrap-admin";
import { ensureRayVenv, startRayHead } from "../../scripts/lib/ray";
import { buildZip } from "../../tests/helpers/zip-builder";
import { benchHub } from "../lib/stack";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARMUP = 3;
const config = `name: Launch bench
code: launch-bench
version: "1.0.0"
category: custom
description: Ends at once.
actions:
  noop:
    entrypoint: plugin.noop:main
    method: task
`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function main(): Promise<void> {
  ensureRayVenv();
  const ray = await startRayHead(path.resolve("bench/.out/launch-ray"));
  const stack = await benchHub("launch", undefined, { RAY_ADDRESS: ray.address, RAY_SERVE_URL: ray.serveUrl });
  try {
    const { token } = await bootstrapAdmin(stack.hub.url);
    const auth = { authorization: `Bearer ${token}` };
    const form = new FormData();
    const zip = buildZip([
      { name: "lb/config.yaml", data: config },
      { name: "lb/plugin/__init__.py", data: "" },
      { name: "lb/plugin/noop.py", data: "def main(params, ctx):\n    return {}\n" },
      { name: "lb/README.md", data: "# bench\n" },
    ]);
    form.append("file", new Blob([new Uint8Array(zip)]), "lb.zip");
    const published = await fetch(`${stack.hub.url}/api/v1/plugins`, { method: "POST", body: form, headers: auth });
    if (published.status !== 201) throw new Error(`publish: ${published.status} ${await published.text()}`);

    const rayJob = (id: string) => fetch(`${ray.address}/api/jobs/${id}`);
    const untilEnded = async (id: string) => {
      for (;;) {
        const job = (await (await rayJob(id)).json()) as { status: string };
        if (["SUCCEEDED", "FAILED", "STOPPED"].includes(job.status)) return job.status;
        await sleep(100);
      }
    };

    const viaHub = async (): Promise<{ ms: number; id: string }> => {
      const started = performance.now();
      const response = await fetch(`${stack.hub.url}/api/v1/runs`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json", "idempotency-key": randomUUID() },
        body: JSON.stringify({ plugin: "launch-bench", action: "noop", backend: "ray" }),
      });
      if (response.status !== 201) throw new Error(`launch: ${response.status} ${await response.text()}`);
      const { id } = (await response.json()) as { id: string };
      while ((await rayJob(id)).status !== 200) await sleep(1);
      return { ms: performance.now() - started, id };
    };

    // The first launches upload the package and warm every cache; then the job the hub made is the model for the direct side.
    let model = "";
    for (let i = 0; i < WARMUP; i++) {
      model = (await viaHub()).id;
      await untilEnded(model);
    }
    const { entrypoint, runtime_env } = (await (await rayJob(model)).json()) as { entrypoint: string; runtime_env: unknown };
    const direct = async (): Promise<{ ms: number; id: string }> => {
      const id = `bench-${randomUUID()}`;
      const started = performance.now();
      const response = await fetch(`${ray.address}/api/jobs/`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ entrypoint, submission_id: id, runtime_env }),
      });
      if (!response.ok) throw new Error(`direct submit: ${response.status} ${await response.text()}`);
      return { ms: performance.now() - started, id };
    };

    const hub: number[] = [];
    const straight: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which side goes first, so neither always meets a cluster just done with the other's job.
      for (const side of round % 2 ? [direct, viaHub] : [viaHub, direct]) {
        const { ms, id } = await side();
        (side === viaHub ? hub : straight).push(ms);
        await untilEnded(id);
      }
    }
    const row = (name: string, values: number[]) =>
      `${name.padEnd(34)} ${percentile(values, 50).toFixed(1).padStart(7)} ${percentile(values, 90).toFixed(1).padStart(7)} ${Math.max(...values)
        .toFixed(1)
        .padStart(7)}`;
    console.log(`\nTime until the Ray job exists (ms), ${ROUNDS} launches each, Ray ${ray.address}`);
    console.log(`${"".padEnd(34)} ${"p50".padStart(7)} ${"p90".padStart(7)} ${"max".padStart(7)}`);
    console.log(row("hub: POST /api/v1/runs", hub));
    console.log(row("direct: Ray POST /api/jobs/", straight));
    const added = percentile(hub, 50) - percentile(straight, 50);
    console.log(`\nadded by the hub at p50: ${added.toFixed(1)} ms (goal ≤ 30 ms) — ${added <= 30 ? "met" : "NOT met"}`);
  } finally {
    await stack.stop();
    await ray.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
