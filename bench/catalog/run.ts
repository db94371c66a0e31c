// bench/catalog: GET /api/v1/plugins (search, category filter) at 32 concurrent connections against
// the production server, over 10,000 plugins × 5 versions. Goal: ≥ 1,500 req/s and p99 ≤ 50 ms.
// Load comes from wrk (a C load generator, so the client steals as little CPU as possible).
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { benchHub } from "../lib/stack";

const DURATION = process.env.BENCH_SECONDS ?? "15";
// Repeated queries are what a catalog mostly serves (and what the hub caches until the next
// publish). The "uncached" scenarios never repeat a query, so every request reaches Postgres:
// common words (many matches, the page fills early) and rare terms (one match: a full scan).
type Scenario = string[] | { distinct: "common" | "rare" };
const SCENARIOS: Record<string, Scenario> = {
  search: ["q=vision", "q=segmentation", "q=bench%20text%2042", "q=tracking", "q=labelling%20pipelines", "q=speech"],
  category: ["category=export", "category=neural_net", "category=custom&sort=name", "category=smart_tool", "category=upload"],
  "search+category": ["q=vision&category=export", "q=detection&category=neural_net", "q=audio&category=custom"],
  "uncached common": { distinct: "common" },
  "uncached rare": { distinct: "rare" },
};

function ensureWrk(): void {
  if (spawnSync("sh", ["-c", "command -v wrk"]).status === 0) return;
  if (process.getuid?.() !== 0) throw new Error("wrk is missing: sudo apt-get install -y wrk");
  execFileSync("apt-get", ["install", "-y", "wrk"], { stdio: "inherit" });
}

function luaScript(queries: Scenario): string {
  if (!Array.isArray(queries)) {
    // Every request differs (search term × page size × thread id), so none is served from cache.
    const term =
      queries.distinct === "common"
        ? `({"vision", "speech", "text", "audio", "video", "graph", "tracking", "detection"})[i % 8 + 1] .. "&category=" .. ({"export", "custom", "upload", "neural_net"})[math.floor(i / 8) % 4 + 1]`
        : `(i % 9000 + 1) .. "%20for"`;
    return `local id = 0\nsetup = function(thread) id = id + 1; thread:set("id", id) end\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", "/api/v1/plugins?q=" .. ${term} .. "&limit=" .. (id * 50 + math.floor(i / 32) % 50 + 1))\nend\n`;
  }
  const list = queries.map((q) => `"/api/v1/plugins?${q}"`).join(", ");
  return `local paths = {${list}}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", paths[(i % #paths) + 1])\nend\n`;
}

function wrk(url: string, queries: Scenario): { rps: number; p50: string; p99: string; errors: string } {
  const script = path.resolve("bench/.out/catalog.lua");
  writeFileSync(script, luaScript(queries));
  const out = execFileSync("wrk", ["-t2", "-c32", `-d${DURATION}s`, "--latency", "-s", script, url], { encoding: "utf8" });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p50 = /\s50%\s+(\S+)/.exec(out)?.[1] ?? "?";
  const p99 = /\s99%\s+(\S+)/.exec(out)?.[1] ?? "?";
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? "0";
  return { rps, p50, p99, errors };
}

async function main(): Promise<void> {
  ensureWrk();
  let counts = { plugins: 0, versions: 0 };
  const stack = await benchHub("catalog", async (databaseUrl) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(readFileSync("bench/catalog/seed.sql", "utf8"));
    counts = (await client.query("SELECT (SELECT count(*) FROM plugins) AS plugins, (SELECT count(*) FROM plugin_versions) AS versions")).rows[0];
    await client.end();
  });
  try {
    console.log(`catalog: ${counts.plugins} plugins, ${counts.versions} versions; wrk -c32 -d${DURATION}s against ${stack.hub.url}`);
    wrk(stack.hub.url, SCENARIOS.search); // warm-up (JIT, connection pool, page cache)
    console.log("scenario            req/s   p50       p99       non-2xx   goal: ≥1500 req/s, p99 ≤ 50ms");
    for (const [name, queries] of Object.entries(SCENARIOS)) {
      const r = wrk(stack.hub.url, queries);
      console.log(`${name.padEnd(18)} ${r.rps.toFixed(0).padStart(6)}   ${r.p50.padEnd(8)}  ${r.p99.padEnd(8)}  ${r.errors}`);
    }
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
