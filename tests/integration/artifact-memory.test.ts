// A 1 GiB artifact streams through the hub: uploaded with the run token, downloaded, and downloaded
// again inside the run's zip, while the hub process's memory grows by less than 64 MiB (issue 9).
// The hub measured is a sibling of the suite's (same database and blob store), so its pid is ours.
import { readFileSync, writeFileSync } from "node:fs";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { afterAll, describe, expect, it } from "vitest";
import type { HubProcess } from "@/scripts/lib/hub-process";
import { generatedBytes, putArtifact, sha256Of, TOKEN_ACTION } from "@/tests/helpers/artifact-upload";
import { authHeaders } from "@/tests/helpers/hub";
import { launchOk, publishRunnable, waitForRun } from "@/tests/helpers/runs";
import { startSiblingHub } from "@/tests/helpers/sibling-hub";

const MiB = 1024 * 1024;
const SIZE = 1024 * MiB;
const BOUND = 64 * MiB;

let hub: HubProcess | undefined;
afterAll(async () => {
  await hub?.stop("SIGKILL");
});

/** The process's resident memory now and its peak since the last reset (`clear_refs` 5 resets VmHWM). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1]) * 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

/** Runs `work` and answers how far the hub's peak memory rose above its resident memory before it. */
async function growthDuring(pid: number, work: () => Promise<void>): Promise<number> {
  writeFileSync(`/proc/${pid}/clear_refs`, "5");
  const before = memory(pid).rss;
  await work();
  return memory(pid).peak - before;
}

const bodyOf = (response: Response) => Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);

describe("a 1 GiB artifact", () => {
  it("uploads, downloads and downloads zipped with the hub's memory growing by less than 64 MiB", { timeout: 180_000 }, async () => {
    const code = await publishRunnable({ export: TOKEN_ACTION }, "mem");
    const run = await waitForRun((await launchOk({ plugin: code, action: "export" })).id);
    expect(run.status, JSON.stringify(run)).toBe("succeeded");
    const token = (run.result as { token: string }).token;
    hub = await startSiblingHub();
    const pid = hub.child.pid!;
    const fileUrl = (path: string) => `${hub!.url}/api/v1/runs/${run.id}/artifacts/${path}`;

    // Warm up: the first upload and downloads load the routes' modules and the pools; a hub in service has.
    const small = generatedBytes(4 * MiB);
    expect((await putArtifact(hub.url, run.id, token, "warm.bin", small, 4 * MiB, await sha256Of(small()))).status).toBe(201);
    await (await fetch(fileUrl("warm.bin"), { headers: authHeaders() })).arrayBuffer();
    await (await fetch(`${hub.url}/api/v1/runs/${run.id}/archive`, { headers: authHeaders() })).arrayBuffer();

    const big = generatedBytes(SIZE);
    const declared = await sha256Of(big());
    const started = performance.now();
    const upload = await growthDuring(pid, async () => {
      const answer = await putArtifact(hub!.url, run.id, token, "model/weights.bin", big, SIZE, declared);
      expect(answer.status, answer.text).toBe(201);
    });
    const uploadS = (performance.now() - started) / 1000;

    const download = await growthDuring(pid, async () => {
      const response = await fetch(fileUrl("model/weights.bin"), { headers: authHeaders() });
      expect(response.status).toBe(200);
      expect(await sha256Of(bodyOf(response))).toBe(declared);
    });

    let zipBytes = 0;
    const zipped = await growthDuring(pid, async () => {
      const response = await fetch(`${hub!.url}/api/v1/runs/${run.id}/archive`, { headers: authHeaders() });
      expect(response.status).toBe(200);
      for await (const chunk of bodyOf(response)) zipBytes += (chunk as Buffer).length;
      expect(zipBytes).toBe(Number(response.headers.get("content-length")));
    });
    expect(zipBytes).toBeGreaterThan(SIZE + 4 * MiB);

    const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
    console.log(
      `1 GiB artifact, hub peak memory growth: upload ${mib(upload)} (${uploadS.toFixed(1)} s), download ${mib(download)}, zip download ${mib(zipped)} (bound ${mib(BOUND)})`,
    );
    expect(upload).toBeLessThan(BOUND);
    expect(download).toBeLessThan(BOUND);
    expect(zipped).toBeLessThan(BOUND);
  });
});
