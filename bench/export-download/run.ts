// bench/export-download: the streamed zip of a run's artifacts (`GET /api/v1/runs/{id}/archive`)
// against `zip -0 -r` of the same files on the same disk, side by side (issue 9).
//  - the export: ~1 GiB over many files, as an exporter leaves it: a few large files (a model, packed
//    images) and about a thousand small and middling ones in folders, incompressible;
//  - hub: curl downloads the zip to a file on this disk (time to first byte, throughput);
//  - peer: `zip -0 -r` (STORE, as the hub's zip) of the same files into a file on the same disk.
// Both read from the page cache (the files were just written), so the figures compare the work each
// side does per byte, not the disk. Goal: the hub's throughput ≥ 70 % of zip -0's.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bootstrapAdmin } from "../../scripts/lib/bootstrap-admin";
import { putArtifact, TOKEN_ACTION } from "../../tests/helpers/artifact-upload";
import { buildZip } from "../../tests/helpers/zip-builder";
import { benchHub } from "../lib/stack";

const MiB = 1024 * 1024;
const TOTAL = Number(process.env.BENCH_MIB ?? 1024) * MiB;
const ROUNDS = Number(process.env.BENCH_RUNS ?? 3);
const SMALL_FILES = Number(process.env.BENCH_FILES ?? 1000);
const UPLOADS_AT_ONCE = 4;

type ExportFile = { path: string; size: number; sha256: string };

/** Writes the export under `dir`: 45 % in three large files, the rest over SMALL_FILES files of varied sizes in ten folders. */
async function writeExport(dir: string): Promise<ExportFile[]> {
  const sizes: [string, number][] = [
    ["model/weights.bin", Math.round(TOTAL * 0.25)],
    ["images/packed-0.tar", Math.round(TOTAL * 0.12)],
    ["images/packed-1.tar", Math.round(TOTAL * 0.08)],
  ];
  const rest = TOTAL - sizes.reduce((sum, [, size]) => sum + size, 0);
  // Sizes from 1/16 to ~2× the mean, deterministic, scaled so they add up to the rest.
  const weights = Array.from({ length: SMALL_FILES }, (_, i) => 1 / 16 + ((i * 7919) % 1000) / 520);
  const scale = rest / weights.reduce((a, b) => a + b, 0);
  weights.forEach((w, i) =>
    sizes.push([`items/${String(i % 10).padStart(2, "0")}/item-${String(i).padStart(5, "0")}.json`, Math.max(1, Math.floor(w * scale))]),
  );
  const block = randomBytes(MiB);
  const files: ExportFile[] = [];
  for (const [name, size] of sizes) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    const hash = createHash("sha256");
    const out = createWriteStream(file);
    for (let offset = 0; offset < size; offset += MiB) {
      const chunk = Buffer.from(block.subarray(0, Math.min(MiB, size - offset)));
      chunk.write(`${name}:${offset}`, 0); // no two blocks alike: nothing dedupes or compresses
      hash.update(chunk);
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    files.push({ path: name, size, sha256: hash.digest("hex") });
  }
  return files;
}

/** A finished run whose token still takes uploads (a run's token works for a while after it ends). */
async function runWithToken(url: string, auth: Record<string, string>): Promise<{ id: string; token: string }> {
  const config = `name: Export bench\ncode: export-bench\nversion: "1.0.0"\ncategory: export\ndescription: Hands out its token.\nactions:\n  export:\n    entrypoint: plugin.export:main\n    method: task\n`;
  const zip = buildZip([
    { name: "eb/config.yaml", data: config },
    { name: "eb/README.md", data: "# bench\n" },
    { name: "eb/plugin/__init__.py", data: "" },
    { name: "eb/plugin/export.py", data: `import os\n\ndef main(params, ctx):\n    ${TOKEN_ACTION.body}\n` },
  ]);
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(zip)]), "eb.zip");
  const published = await fetch(`${url}/api/v1/plugins`, { method: "POST", body: form, headers: auth });
  if (published.status !== 201) throw new Error(`publish: ${published.status} ${await published.text()}`);
  const launched = await fetch(`${url}/api/v1/runs`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json", "idempotency-key": randomBytes(8).toString("hex") },
    body: JSON.stringify({ plugin: "export-bench", action: "export" }),
  });
  if (launched.status !== 201) throw new Error(`launch: ${launched.status} ${await launched.text()}`);
  const { id } = (await launched.json()) as { id: string };
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const run = (await (await fetch(`${url}/api/v1/runs/${id}`, { headers: auth })).json()) as { status: string; result?: { token?: string } };
    if (run.status === "succeeded" && run.result?.token) return { id, token: run.result.token };
    if (["failed", "cancelled"].includes(run.status)) throw new Error(`the token run ended ${run.status}: ${JSON.stringify(run)}`);
  }
  throw new Error("the token run did not finish in 120 s");
}

async function uploadAll(url: string, run: { id: string; token: string }, dir: string, files: ExportFile[]): Promise<number> {
  const started = performance.now();
  const queue = [...files];
  await Promise.all(
    Array.from({ length: UPLOADS_AT_ONCE }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const local = path.join(dir, file.path);
        const answer = await putArtifact(url, run.id, run.token, file.path, () => createReadStream(local, { highWaterMark: MiB }), file.size, file.sha256);
        if (answer.status !== 201) throw new Error(`uploading ${file.path}: ${answer.status} ${answer.text}`);
      }
    }),
  );
  return performance.now() - started;
}

/** curl saves the zip to `target`: its own clock for the first byte and the whole transfer. */
function download(url: string, token: string, target: string): { firstByteMs: number; ms: number; bytes: number } {
  const result = spawnSync(
    "curl",
    ["-sS", "--fail", "-o", target, "-H", `authorization: Bearer ${token}`, "-w", "%{time_starttransfer} %{time_total} %{size_download}", url],
    { encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`curl failed (${result.status}): ${result.stderr}`);
  const [firstByte, total, bytes] = result.stdout.trim().split(" ").map(Number);
  return { firstByteMs: firstByte * 1000, ms: total * 1000, bytes };
}

/** The peer: `zip -0 -r` of the folder into `target`, on the same disk. */
function zipStore(dir: string, target: string): { ms: number; bytes: number } {
  rmSync(target, { force: true });
  const started = performance.now();
  const result = spawnSync("zip", ["-0", "-r", "-q", "-X", target, "."], { cwd: dir, encoding: "utf8" });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`zip failed (${result.status}): ${result.stderr}`);
  return { ms, bytes: statSync(target).size };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rate = (bytes: number, ms: number) => bytes / MiB / (ms / 1000);

async function main(): Promise<void> {
  const stack = await benchHub("export-download");
  const root = path.dirname(stack.dataDir);
  const dir = path.join(root, "export");
  try {
    const { token } = await bootstrapAdmin(stack.hub.url);
    const auth = { authorization: `Bearer ${token}` };
    const files = await writeExport(dir);
    const run = await runWithToken(stack.hub.url, auth);
    const uploadMs = await uploadAll(stack.hub.url, run, dir, files);
    const total = files.reduce((sum, f) => sum + f.size, 0);
    console.log(`export: ${files.length} files, ${(total / MiB).toFixed(0)} MiB; uploaded in ${(uploadMs / 1000).toFixed(1)} s (${UPLOADS_AT_ONCE} at once)`);

    const archive = `${stack.hub.url}/api/v1/runs/${run.id}/archive`;
    const hubZip = path.join(root, "hub.zip");
    const peerZip = path.join(root, "peer.zip");
    // Warm both sides once (the route's first call compiles; the files enter the page cache), and check the zip.
    const first = download(archive, token, hubZip);
    const check = spawnSync("unzip", ["-tqq", hubZip], { encoding: "utf8" });
    if (check.status !== 0) throw new Error(`the hub's zip does not test clean: ${check.stdout}${check.stderr}`);
    zipStore(dir, peerZip);

    const hub: { firstByteMs: number; ms: number; bytes: number }[] = [];
    const peer: { ms: number; bytes: number }[] = [];
    const loadBefore = os.loadavg()[0];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which side goes first, so neither always meets a machine just busy with the other.
      const sides = [() => hub.push(download(archive, token, hubZip)), () => peer.push(zipStore(dir, peerZip))];
      for (const side of round % 2 ? sides.reverse() : sides) side();
    }
    const loadAfter = os.loadavg()[0];
    const hubMs = median(hub.map((h) => h.ms));
    const peerMs = median(peer.map((p) => p.ms));
    const [hubRate, peerRate] = [rate(first.bytes, hubMs), rate(peer[0].bytes, peerMs)];
    console.log(
      `machine: ${os.cpus().length} cores (shared), load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after; median of ${ROUNDS} rounds`,
    );
    console.log(`${"".padEnd(36)} ${"size MiB".padStart(9)} ${"ms".padStart(7)} ${"MiB/s".padStart(7)} ${"1st byte ms".padStart(12)}`);
    console.log(
      `${"hub: GET /archive (curl → file)".padEnd(36)} ${(first.bytes / MiB).toFixed(1).padStart(9)} ${hubMs.toFixed(0).padStart(7)} ${hubRate.toFixed(0).padStart(7)} ${median(
        hub.map((h) => h.firstByteMs),
      )
        .toFixed(1)
        .padStart(12)}`,
    );
    console.log(
      `${"peer: zip -0 -r (→ file)".padEnd(36)} ${(peer[0].bytes / MiB).toFixed(1).padStart(9)} ${peerMs.toFixed(0).padStart(7)} ${peerRate.toFixed(0).padStart(7)} ${"".padStart(12)}`,
    );
    console.log(`rounds (hub / zip -0, ms): ${hub.map((h, i) => `${h.ms.toFixed(0)}/${peer[i].ms.toFixed(0)}`).join("  ")}`);
    const ratio = (100 * hubRate) / peerRate;
    console.log(`ratio: streamed zip throughput = ${ratio.toFixed(0)}% of zip -0 (goal ≥ 70%) — ${ratio >= 70 ? "met" : "NOT met"}`);
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
