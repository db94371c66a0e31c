// The catalog cache is only as fresh as its change feed (Postgres LISTEN). These tests cut that feed
// the two ways it dies in production — the backend killed, and a link that goes silent without
// closing — and check that a hub then never keeps serving a stale catalog page.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEED_APPLICATION_NAME } from "@/lib/events/pg-feed";
import type { HubProcess } from "@/scripts/lib/hub-process";
import { hubUrl, pluginZip, publish, uniqueCode } from "@/tests/helpers/hub";
import { startStallingProxy, type StallingProxy } from "@/tests/helpers/stalling-proxy";
import { startSiblingHub } from "@/tests/helpers/sibling-hub";

const HEARTBEAT = { CATALOG_HEARTBEAT_INTERVAL_MS: "300", CATALOG_HEARTBEAT_TIMEOUT_MS: "700" };
// Long enough that only the feed, never the TTL backstop, can explain a fresh page here.
const NO_TTL = { CATALOG_CACHE_TTL_MS: "600000" };

const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
const hubs: HubProcess[] = [];
const proxies: StallingProxy[] = [];
beforeAll(() => db.connect());
afterAll(async () => {
  await Promise.all(hubs.map((hub) => hub.stop("SIGKILL")));
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await db.end();
});

async function ownHub(databaseUrl: string, env: Record<string, string> = {}): Promise<HubProcess> {
  const hub = await startSiblingHub({ env: { DATABASE_URL: databaseUrl, ...HEARTBEAT, ...NO_TTL, ...env } });
  hubs.push(hub);
  return hub;
}

type Summary = { code: string; description: string; latestVersion: string };
async function listed(hub: HubProcess, code: string): Promise<Summary | undefined> {
  const response = await fetch(`${hub.url}/api/v1/plugins?q=${code}`);
  expect(response.status).toBe(200);
  return ((await response.json()).items as Summary[]).find((item) => item.code === code);
}

/** Changes a listing behind the hub's back: no NOTIFY, so only an uncached read can see it. */
async function rewriteDescription(code: string, description: string): Promise<void> {
  await db.query("UPDATE plugins SET description = $2 WHERE code = $1", [code, description]);
}

/** Waits until `hub` caches catalog pages again (its feed is live): a silent change stays unseen. */
async function untilCaching(hub: HubProcess, code: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (let round = 0; Date.now() < deadline; round++) {
    await listed(hub, code); // fills the cache if the feed is live
    const before = (await listed(hub, code))?.description;
    await rewriteDescription(code, `probe ${round}`);
    if ((await listed(hub, code))?.description === before) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the hub never started caching catalog pages (its change feed never came up)");
}

async function feedBackends(hub: HubProcess): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = $1", [
    `${FEED_APPLICATION_NAME} (pid ${hub.child.pid})`,
  ]);
  return rows.map((row) => row.pid);
}

describe("a hub whose LISTEN backend is terminated", () => {
  it("never serves the page cached before, and listens again", async () => {
    const code = uniqueCode("feedkill");
    expect((await publish(pluginZip({ code, version: "1.0.0" }))).status).toBe(201);
    const hub = await ownHub(process.env.DATABASE_URL!);
    await untilCaching(hub, code);
    expect((await listed(hub, code))?.latestVersion).toBe("1.0.0"); // cached now

    const [victim] = await feedBackends(hub);
    expect(victim).toBeDefined();
    await db.query("SELECT pg_terminate_backend($1)", [victim]);
    // Published through another instance while this one's feed is gone: its NOTIFY is lost here.
    expect((await publish(pluginZip({ code, version: "1.1.0" }), "p.zip", hubUrl())).status).toBe(201);
    expect((await listed(hub, code))?.latestVersion).toBe("1.1.0");

    // The feed comes back on a new backend, caches again, and hears the next publish.
    await untilCaching(hub, code);
    const [successor] = await feedBackends(hub);
    expect(successor).not.toBe(victim);
    expect((await publish(pluginZip({ code, version: "1.2.0" }), "p.zip", hubUrl())).status).toBe(201);
    const deadline = Date.now() + 3000;
    while ((await listed(hub, code))?.latestVersion !== "1.2.0" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect((await listed(hub, code))?.latestVersion).toBe("1.2.0");
  });
});

/** A freshly published plugin, and a proxy to the suite's Postgres for a hub whose link a test will break. */
async function pluginBehindProxy(prefix: string): Promise<{ code: string; proxy: StallingProxy }> {
  const code = uniqueCode(prefix);
  expect((await publish(pluginZip({ code }))).status).toBe(201);
  const proxy = await startStallingProxy(process.env.DATABASE_URL!);
  proxies.push(proxy);
  return { code, proxy };
}

describe("a hub whose LISTEN connection goes silent without closing", () => {
  it("notices within the heartbeat deadline and stops serving cached pages", async () => {
    const { code, proxy } = await pluginBehindProxy("feedstall");
    const hub = await ownHub(proxy.url);
    await untilCaching(hub, code);

    proxy.stall();
    await rewriteDescription(code, "changed while the feed was silent");
    const started = Date.now();
    while ((await listed(hub, code))?.description !== "changed while the feed was silent" && Date.now() - started < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const noticedAfter = Date.now() - started;
    expect((await listed(hub, code))?.description).toBe("changed while the feed was silent");
    // The interval plus the deadline (1 s here), with room for a loaded machine.
    expect(noticedAfter).toBeLessThan(4000);
    expect(proxy.stalledConnections()).toBeGreaterThan(0); // the silence was real

    // Once the link carries bytes again the hub reconnects and caches again.
    proxy.resume();
    await untilCaching(hub, code);
  });
});

describe("a LISTEN connection that answers queries but never delivers a notification", () => {
  it("is never trusted, and does not flap between lost and back", async () => {
    const { code, proxy } = await pluginBehindProxy("feedmute");
    proxy.muteNotifications();
    const hub = await ownHub(proxy.url);
    const logs: string[] = [];
    for (const stream of [hub.child.stdout, hub.child.stderr]) stream?.on("data", (chunk: Buffer) => logs.push(chunk.toString()));

    // Over several heartbeat deadlines (1 s here), every silent change shows at once: nothing is cached.
    for (let round = 0; round < 8; round++) {
      await listed(hub, code);
      await rewriteDescription(code, `silent ${round}`);
      expect((await listed(hub, code))?.description).toBe(`silent ${round}`);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    expect(proxy.mutedConnections()).toBeGreaterThan(0); // its heartbeats really were lost
    expect(logs.join("")).not.toMatch(/catalog change feed (lost|is back)/);
  });
});

describe("a change that bypasses the feed altogether", () => {
  it("shows once the cached page reaches CATALOG_CACHE_TTL_MS", async () => {
    const code = uniqueCode("feedttl");
    expect((await publish(pluginZip({ code }))).status).toBe(201);
    const hub = await ownHub(process.env.DATABASE_URL!, { CATALOG_CACHE_TTL_MS: "3000" });
    await untilCaching(hub, code);

    await listed(hub, code); // cached from here
    await rewriteDescription(code, "changed by an operator");
    const started = Date.now();
    expect((await listed(hub, code))?.description).not.toBe("changed by an operator"); // the feed is healthy: cached
    while ((await listed(hub, code))?.description !== "changed by an operator" && Date.now() - started < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await listed(hub, code))?.description).toBe("changed by an operator");
    expect(Date.now() - started).toBeLessThan(6000);
  });
});
