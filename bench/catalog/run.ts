// bench/catalog: GET /api/v1/plugins (search, category filter, sort, page size) at 32 concurrent
// connections against the production server on 127.0.0.1, over 10,000 plugins × 5 versions.
// Goal for every scenario: ≥ 1,500 req/s and p99 ≤ 50 ms. Load comes from wrk (a C load generator,
// so the client steals as little CPU as possible from the hub and Postgres on the same machine).
//
// What answered is counted twice, by neither the client nor the queries' shape: the hub counts
// pages from its page cache, its in-memory search index (lib/registry/catalog-index.ts) and
// Postgres (/api/health); Postgres counts its committed transactions during the scenario
// (pg_stat_database.xact_commit), one per page computed there. The "uncached" scenarios never
// repeat a query, so the page cache cannot answer them: the index or Postgres computes each one.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import type { ThrowawayHub } from "../../scripts/lib/throwaway-hub";
import { benchHub } from "../lib/stack";

const DURATION = process.env.BENCH_SECONDS ?? "15";
const THREADS = 2;
const CONNECTIONS = 32;
// A backend publishes its statistics at most once a second while busy, and the remainder 10 s after
// it goes idle (PGSTAT_IDLE_INTERVAL): wait that out before reading the counter.
const STATS_SETTLE_MS = 11_000;

type Scenario = { paths: string[] } | { distinct: "common" | "facets" | "rare" };
const SCENARIOS: Record<string, Scenario> = {
  search: { paths: ["q=vision", "q=segmentation", "q=bench%20text%2042", "q=tracking", "q=labelling%20pipelines", "q=speech"] },
  category: { paths: ["category=export", "category=neural_net", "category=custom&sort=name", "category=smart_tool", "category=upload"] },
  "search+category": { paths: ["q=vision&category=export", "q=detection&category=neural_net", "q=audio&category=custom"] },
  // Never repeat (see distinct.lua): every request is computed, by the index or by Postgres.
  "uncached common": { distinct: "common" },
  "uncached facets": { distinct: "facets" },
  "uncached rare": { distinct: "rare" },
};

type Result = { requests: number; rps: number; p50: string; p99: string; p99ms: number; errors: number };

function ensureWrk(): void {
  if (spawnSync("sh", ["-c", "command -v wrk"]).status === 0) return;
  if (process.getuid?.() !== 0) throw new Error("wrk is missing: sudo apt-get install -y wrk");
  execFileSync("apt-get", ["install", "-y", "wrk"], { stdio: "inherit" });
}

function wrk(url: string, scenario: Scenario): Result {
  const [script, args] =
    "paths" in scenario ? ["repeat.lua", scenario.paths.map((q) => `/api/v1/plugins?${q}`)] : ["distinct.lua", [scenario.distinct, String(THREADS)]];
  const out = execFileSync(
    "wrk",
    [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${DURATION}s`, "--latency", "-s", path.resolve("bench/catalog", script), url, "--", ...args],
    { encoding: "utf8" },
  );
  const p50 = /\s50%\s+(\S+)/.exec(out)?.[1] ?? "?";
  const p99 = /\s99%\s+(\S+)/.exec(out)?.[1] ?? "?";
  return {
    requests: Number(/(\d+) requests in/.exec(out)?.[1]),
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    p50,
    p99,
    p99ms: toMs(p99),
    errors: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) + Number(/Socket errors: .*?(\d+) timeout/.exec(out)?.[1] ?? 0),
  };
}

function toMs(latency: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(latency);
  if (!match) return Number.NaN;
  return Number(match[1]) * { us: 0.001, ms: 1, s: 1000 }[match[2] as "us" | "ms" | "s"];
}

async function seed(databaseUrl: string): Promise<{ plugins: number; versions: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(readFileSync("bench/catalog/seed.sql", "utf8"));
    // As a live table would be after autovacuum: the visibility map set (index-only scans) and the
    // GIN index's pending list merged. VACUUM cannot share a multi-statement string with the seed.
    await client.query("VACUUM ANALYZE plugins");
    await client.query("VACUUM ANALYZE plugin_versions");
    // Write the seed's dirty pages out now: a checkpoint falling inside a scenario stalls every query
    // for a moment, which is the aftermath of the bulk load, not the search being measured.
    await client.query("CHECKPOINT");
    const counts = await client.query("SELECT (SELECT count(*) FROM plugins)::int AS plugins, (SELECT count(*) FROM plugin_versions)::int AS versions");
    return counts.rows[0];
  } finally {
    await client.end();
  }
}

type Health = { catalog: { index: { state: string; plugins: number | null }; answered: { cache: number; index: number; postgres: number } } };
async function health(url: string): Promise<Health["catalog"]> {
  return ((await (await fetch(`${url}/api/health`)).json()) as Health).catalog;
}

/** Waits until the hub's catalog index is current (it loads in the background after start-up). */
async function untilIndexed(url: string): Promise<void> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200)) {
    if ((await health(url)).index.state === "current") return;
  }
  throw new Error("the hub's catalog index never became current");
}

const share = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)} %`;

async function measure(stack: ThrowawayHub, names: string[]): Promise<number> {
  const stats = new pg.Client({ connectionString: stack.database.url });
  await stats.connect();
  const commits = async () => Number((await stats.query("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")).rows[0].xact_commit);
  let missed = 0;
  try {
    console.log("scenario            req/s   p50       p99       cache  index  postgres  reached PG  non-2xx  load   goal: ≥1500 req/s, p99 ≤ 50ms");
    for (const name of names) {
      const scenario = SCENARIOS[name];
      const load = loadavg()[0];
      const [before, answeredBefore] = [await commits(), (await health(stack.hub.url)).answered];
      const r = wrk(stack.hub.url, scenario);
      await sleep(STATS_SETTLE_MS);
      const reached = (await commits()) - before - 1; // the health read between is one transaction
      const after = (await health(stack.hub.url)).answered;
      const answered = {
        cache: after.cache - answeredBefore.cache,
        index: after.index - answeredBefore.index,
        postgres: after.postgres - answeredBefore.postgres,
      };
      const ok = r.rps >= 1500 && r.p99ms <= 50 && r.errors === 0;
      if (!ok) missed++;
      console.log(
        [
          name.padEnd(18),
          r.rps.toFixed(0).padStart(6),
          `  ${r.p50.padEnd(8)}  ${r.p99.padEnd(8)}`,
          share(answered.cache, r.requests).padStart(6),
          share(answered.index, r.requests).padStart(6),
          share(answered.postgres, r.requests).padStart(9),
          share(reached, r.requests).padStart(11),
          String(r.errors).padStart(8),
          load.toFixed(2).padStart(6),
          ` ${ok ? "ok" : "MISSED"}`,
        ].join(" "),
      );
    }
  } finally {
    await stats.end();
  }
  return missed;
}

async function main(): Promise<void> {
  ensureWrk();
  let counts = { plugins: 0, versions: 0 };
  const seedCatalog = async (databaseUrl: string) => {
    counts = await seed(databaseUrl);
  };
  let stack = await benchHub("catalog", seedCatalog);
  let missed = 0;
  try {
    console.log(`catalog: ${counts.plugins} plugins, ${counts.versions} versions; wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION}s against ${stack.hub.url}`);
    console.log(
      "cache / index / postgres: what answered, counted by the hub (/api/health): its page cache, its in-memory search index, or a query.\n" +
        '"reached PG": Postgres transactions per request, counted by Postgres (a computed page from Postgres costs one).',
    );
    await untilIndexed(stack.hub.url);
    wrk(stack.hub.url, SCENARIOS.search); // warm-up (JIT, connection pool, page cache)
    await sleep(STATS_SETTLE_MS);
    missed = await measure(stack, Object.keys(SCENARIOS));
    await stack.stop();

    // The peer: the same never-repeating queries on Postgres's path, which an instance takes while its
    // index (re)loads, while its change feed is down, or when the catalog outgrows the index.
    console.log("\nthe Postgres path (CATALOG_INDEX_MAX_PLUGINS=0), for comparison; not held to the goal:");
    stack = await benchHub("catalog-postgres", seedCatalog, { CATALOG_INDEX_MAX_PLUGINS: "0" });
    wrk(stack.hub.url, SCENARIOS.search);
    await sleep(STATS_SETTLE_MS);
    await measure(stack, ["uncached common", "uncached facets", "uncached rare"]);
  } finally {
    await stack.stop();
  }
  console.log("load: the 1-minute load average as the scenario started; figures taken above ~1 share the CPU with something else.");
  if (missed) {
    console.log(`${missed} scenario(s) missed the goal.`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
