// bench/catalog: GET /api/v1/plugins (search, category filter, sort, page size) at 32 concurrent
// connections against the production server on 127.0.0.1, over 10,000 plugins × 5 versions.
// Goal for every scenario: ≥ 1,500 req/s and p99 ≤ 50 ms. Load comes from wrk (a C load generator,
// so the client steals as little CPU as possible from the hub and Postgres on the same machine).
//
// "reached PG" is measured in Postgres, not by the client: the database's committed transactions
// during the scenario (pg_stat_database.xact_commit) per request answered. A catalog page that is
// computed costs one transaction; a page served from the hub's cache costs none.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
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
  // Never repeat (see distinct.lua): every request is computed by Postgres.
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

async function main(): Promise<void> {
  ensureWrk();
  let counts = { plugins: 0, versions: 0 };
  const stack = await benchHub("catalog", async (databaseUrl) => {
    counts = await seed(databaseUrl);
  });
  const stats = new pg.Client({ connectionString: stack.database.url });
  await stats.connect();
  const commits = async () => Number((await stats.query("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")).rows[0].xact_commit);
  try {
    console.log(`catalog: ${counts.plugins} plugins, ${counts.versions} versions; wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION}s against ${stack.hub.url}`);
    console.log(`"reached PG": Postgres transactions per request, counted by Postgres (100 % = every request computed, 0 = hub's cache)`);
    wrk(stack.hub.url, SCENARIOS.search); // warm-up (JIT, connection pool, page cache)
    await sleep(STATS_SETTLE_MS);
    console.log("scenario            req/s   p50       p99       reached PG  non-2xx  load   goal: ≥1500 req/s, p99 ≤ 50ms");
    let missed = 0;
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      const load = loadavg()[0];
      const before = await commits();
      const r = wrk(stack.hub.url, scenario);
      await sleep(STATS_SETTLE_MS);
      const share = (await commits()) - before;
      const ok = r.rps >= 1500 && r.p99ms <= 50 && r.errors === 0;
      if (!ok) missed++;
      const reached = `${((share / r.requests) * 100).toFixed(0)} %`;
      console.log(
        `${name.padEnd(18)} ${r.rps.toFixed(0).padStart(6)}   ${r.p50.padEnd(8)}  ${r.p99.padEnd(8)}  ${reached.padStart(8)}    ${String(r.errors).padStart(5)}  ${load.toFixed(2).padStart(5)}  ${ok ? "ok" : "MISSED"}`,
      );
    }
    console.log("load: the 1-minute load average as the scenario started; figures taken above ~1 share the CPU with something else.");
    if (missed) console.log(`${missed} scenario(s) missed the goal.`);
  } finally {
    await stats.end();
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
