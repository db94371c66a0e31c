// bench/publish: publish a 100 MiB archive and compare with copying the same file on the same disk.
// Goal: ≥ 50% of the copy's throughput, and the server's peak memory growing by < 64 MiB.
import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, readFileSync, statSync, writeFileSync } from "node:fs";
import { copyFile, open, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import yazl from "yazl";
import { bootstrapAdmin } from "../../scripts/lib/bootstrap-admin";
import { benchHub } from "../lib/stack";

const MiB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_MIB ?? 100) * MiB;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function buildArchive(file: string, version: string): Promise<void> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(
    Buffer.from(
      `name: Big\ncode: big-bench\nversion: "${version}"\ncategory: custom\ndescription: A large archive.\nactions:\n  run:\n    entrypoint: plugin.main:run\n`,
    ),
    "big/config.yaml",
  );
  // Random data does not compress; store it, as zip tools do for incompressible files.
  const chunk = randomBytes(MiB);
  const data = Buffer.concat(Array.from({ length: Math.floor(SIZE / MiB) - 1 }, (_, i) => (i % 2 ? chunk : randomBytes(MiB))));
  zip.addBuffer(data, "big/weights.bin", { compress: false });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
}

/** The peer: copy the file on the same disk, fsynced like the blob store does. */
async function timedCopy(source: string, target: string): Promise<number> {
  const started = performance.now();
  await copyFile(source, target);
  const handle = await open(target, "r");
  await handle.sync();
  await handle.close();
  return performance.now() - started;
}

function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1]) * 1024;
  return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
}

/**
 * The client is curl streaming the file from disk (`-T`, as a user or CI script publishes), timed by
 * its own clock: a C client takes as little as possible of the 2 cores the server needs. A Node
 * client piping a read stream into http.request cost the server more than half the machine: the
 * same bare receive took 252 ms from it and ~95 ms from curl.
 */
const execFileAsync = promisify(execFile);

function upload(url: string, file: string, token: string, pathname = "/api/v1/plugins"): Promise<{ status: number; ms: number }> {
  const args = ["-sS", "-o", "/dev/null", "-X", "POST", "-T", file, "-H", "content-type: application/zip", "-w", "%{http_code} %{time_total}"];
  if (token) args.push("-H", `authorization: Bearer ${token}`);
  // Asynchronous: the bare servers below answer from this process's own event loop.
  return execFileAsync("curl", [...args, `${url}${pathname}`], { encoding: "utf8" }).then(({ stdout }) => {
    const [status, seconds] = stdout.trim().split(" ").map(Number);
    return { status, ms: seconds * 1000 };
  });
}

/**
 * The ceiling for any Node server on this machine: a bare HTTP server that only writes the body to
 * a file and fsyncs it (no hashing, no parsing, no database), fed by the same client. With no
 * `target` it drops the bytes: what Node's HTTP receive alone costs, before any disk work.
 */
async function bareNodeReceive(file: string, target: string | null): Promise<number> {
  const server = http.createServer(async (req, res) => {
    if (!target) {
      for await (const chunk of req as AsyncIterable<Buffer>) void chunk;
      return void res.writeHead(201).end();
    }
    const handle = await open(target, "w");
    let batch: Buffer[] = [];
    let batched = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      batch.push(chunk);
      batched += chunk.length;
      if (batched >= MiB) {
        await handle.writev(batch);
        batch = [];
        batched = 0;
      }
    }
    if (batch.length) await handle.writev(batch);
    await handle.sync();
    await handle.close();
    res.writeHead(201).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as { port: number };
    return (await upload(`http://127.0.0.1:${port}`, file, "", "/")).ms;
  } finally {
    server.close();
    if (target) await rm(target, { force: true });
  }
}

/**
 * Each side starts with nothing left to write back: otherwise whoever runs after the archives are
 * built (600 MiB) or after the previous step pays for their writeback (copies measured 75-407 ms).
 */
function settle(): void {
  execFileSync("sync");
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const stack = await benchHub("publish");
  const { token } = await bootstrapAdmin(stack.hub.url);
  const root = path.dirname(stack.dataDir);
  const archives: string[] = [];
  for (let run = 0; run <= RUNS; run++) {
    archives.push(path.join(root, `big-${run}.zip`));
    await buildArchive(archives[run], `1.0.${run}`); // a new version each run: every publish stores
  }
  // A hub in service is warm: the first publish (compiling the upload path, starting the pools) is not measured.
  const warmUp = archives.shift()!;
  const size = statSync(archives[0]).size;
  try {
    const pid = stack.hub.child.pid!;
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    const idle = memory(pid).rss;
    const warm = await upload(stack.hub.url, warmUp, token);
    if (warm.status !== 201) throw new Error(`the warm-up publish answered ${warm.status}`);
    const coldGrowth = memory(pid).hwm - idle;
    const copies: number[] = [];
    const publishes: number[] = [];
    const bare: number[] = [];
    const dropped: number[] = [];
    let growth = 0;
    const loadBefore = os.loadavg()[0];
    for (const archive of archives) {
      settle();
      copies.push(await timedCopy(archive, path.join(root, "copy.zip")));
      await rm(path.join(root, "copy.zip"));
      settle();
      bare.push(await bareNodeReceive(archive, path.join(root, "bare.zip")));
      dropped.push(await bareNodeReceive(archive, null));
      settle();
      writeFileSync(`/proc/${pid}/clear_refs`, "5"); // reset the peak-RSS counter (VmHWM)
      const before = memory(pid).rss;
      const result = await upload(stack.hub.url, archive, token);
      if (result.status !== 201) throw new Error(`publish answered ${result.status}`);
      growth = Math.max(growth, memory(pid).hwm - before);
      publishes.push(result.ms);
    }
    const loadAfter = os.loadavg()[0];
    const [copyMs, publishMs] = [median(copies), median(publishes)];
    const rate = (ms: number) => size / MiB / (ms / 1000);
    console.log(`archive: ${(size / MiB).toFixed(1)} MiB (stored zip); median of ${RUNS} runs`);
    console.log(`machine: ${os.cpus().length} cores, load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`);
    console.log(`copy + fsync (peer):   ${copyMs.toFixed(0).padStart(6)} ms   ${rate(copyMs).toFixed(0).padStart(5)} MiB/s`);
    console.log(`publish over HTTP:     ${publishMs.toFixed(0).padStart(6)} ms   ${rate(publishMs).toFixed(0).padStart(5)} MiB/s`);
    const bareMs = median(bare);
    console.log(
      `bare Node receive+fsync ${bareMs.toFixed(0).padStart(5)} ms   ${rate(bareMs).toFixed(0).padStart(5)} MiB/s   (ceiling: ${((100 * copyMs) / bareMs).toFixed(0)}% of copy with no hash, no parsing, no database)`,
    );
    const droppedMs = median(dropped);
    console.log(
      `bare Node receive only  ${droppedMs.toFixed(0).padStart(5)} ms   ${rate(droppedMs).toFixed(0).padStart(5)} MiB/s   (${((100 * copyMs) / droppedMs).toFixed(0)}% of copy: the bytes dropped, no disk at all)`,
    );
    console.log(`runs (copy / publish, ms): ${copies.map((c, i) => `${c.toFixed(0)}/${publishes[i].toFixed(0)}`).join("  ")}`);
    console.log(`ratio: publish throughput = ${((100 * copyMs) / publishMs).toFixed(0)}% of copy + fsync (goal ≥ 50%)`);
    console.log(
      `server peak memory growth: ${(growth / MiB).toFixed(1)} MiB, worst measured run; ${(coldGrowth / MiB).toFixed(1)} MiB for the first (warm-up) publish, ${warm.ms.toFixed(0)} ms (goal < 64 MiB)`,
    );
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
