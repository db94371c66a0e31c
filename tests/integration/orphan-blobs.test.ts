import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { HubProcess } from "@/scripts/lib/hub-process";
import { authHeaders, pluginZip, publish, sha256, uniqueCode } from "@/tests/helpers/hub";
import { startSiblingHub } from "@/tests/helpers/sibling-hub";

// Blobs that no row points at are collected; referenced blobs and fresh ones never are. The hubs here
// are siblings of the suite's hub (one database, one blob store), as instances behind a load balancer
// are; integration files run one at a time, so a short grace period meets no other file's publish.
const dataDir = process.env.HUB_DATA_DIR!;
const started: HubProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((hub) => hub.stop("SIGKILL")));
});

async function hub(env: Record<string, string> = {}): Promise<HubProcess> {
  const started_ = await startSiblingHub({ env });
  started.push(started_);
  return started_;
}

const blobFile = (hash: string) => path.join(dataDir, "blobs", "sha256", hash.slice(0, 2), hash.slice(2, 4), hash);

async function until(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Holds the plugin's row lock, so publishes of it stop between their blob commit and their row. */
async function holdPlugin(code: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  await client.query("SELECT id FROM plugins WHERE code = $1 FOR UPDATE", [code]);
  return client;
}

describe("the orphan blob collector", () => {
  // Its own waits (until) name what they waited for; the test as a whole may take longer than one of them.
  it("removes the blobs of a publish refused after its commit and of a crash, and keeps every referenced blob", { timeout: 150_000 }, async () => {
    const code = uniqueCode("orphans");
    const first = await hub();
    const kept = pluginZip({ code, version: "1.0.0" });
    expect((await publish(kept, "p.zip", first.url)).status).toBe(201);

    // Two publishes of 1.1.0 with different bytes race: both commit their blob, one row wins.
    const [a, b] = [pluginZip({ code, version: "1.1.0", salt: "a" }), pluginZip({ code, version: "1.1.0", salt: "b" })];
    let lock = await holdPlugin(code);
    const racing = [publish(a, "a.zip", first.url), publish(b, "b.zip", first.url)];
    await until("both raced blobs are committed", () => existsSync(blobFile(sha256(a))) && existsSync(blobFile(sha256(b))));
    await lock.query("COMMIT");
    await lock.end();
    const statuses = await Promise.all(racing.map(async (response) => (await response).status));
    // (sorted as a copy: the order says which bytes won)
    expect([...statuses].sort()).toEqual([201, 409]);
    const [winner, loser] = statuses[0] === 201 ? [a, b] : [b, a];

    // A crash between the blob and its row: the hub is killed while the row waits for the lock.
    const crashed = pluginZip({ code, version: "1.2.0" });
    lock = await holdPlugin(code);
    const lost = publish(crashed, "c.zip", first.url).catch(() => null);
    await until("the crashed publish's blob is committed", () => existsSync(blobFile(sha256(crashed))));
    await first.stop("SIGKILL");
    await lost;
    await lock.query("COMMIT");
    await lock.end();

    // And an orphan planted as an older crash would have left it, with its folders.
    const planted = "f".repeat(64);
    mkdirSync(path.dirname(blobFile(planted)), { recursive: true });
    writeFileSync(blobFile(planted), "left by a crash");
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(blobFile(planted), old, old);

    // Nothing is collected within the grace period.
    const patient = await hub({ BLOB_GC_GRACE_SECONDS: "3600", BLOB_GC_INTERVAL_SECONDS: "1" });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    for (const bytes of [kept, winner, loser, crashed]) expect(existsSync(blobFile(sha256(bytes)))).toBe(true);
    await patient.stop();

    // With a short grace period, a fresh instance collects the orphans at start-up.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const collector = await hub({ BLOB_GC_GRACE_SECONDS: "1", BLOB_GC_INTERVAL_SECONDS: "1" });
    await until("the orphans are collected", () => [loser, crashed].every((bytes) => !existsSync(blobFile(sha256(bytes)))) && !existsSync(blobFile(planted)));
    for (const bytes of [kept, winner]) expect(existsSync(blobFile(sha256(bytes)))).toBe(true);
    expect(readdirSync(path.join(dataDir, "blobs", "tmp")).filter((name) => name.startsWith("orphan-"))).toEqual([]);

    // What survived is what rows point at: both versions download, byte for byte.
    for (const [version, bytes] of [
      ["1.0.0", kept],
      ["1.1.0", winner],
    ] as const) {
      const download = await fetch(`${collector.url}/api/v1/plugins/${code}/versions/${version}/archive`, { headers: authHeaders() });
      expect(download.status).toBe(200);
      expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(bytes));
    }
    // The crashed version never got a row, and can be published again.
    expect((await publish(crashed, "c.zip", collector.url)).status).toBe(201);
    expect(existsSync(blobFile(sha256(crashed)))).toBe(true);
  });
});
