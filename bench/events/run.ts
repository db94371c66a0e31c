// bench/events: how fast the hub takes in run events, and how soon a watcher sees them.
// 1. Ingestion: POST /logs/ batches (500 entries) from 8 concurrent reporters, for 10 s → events/s
//    persisted (counted in Postgres afterwards). Goal ≥ 20,000 events/s.
// 2. Latency: 50 runs, each reporting 100 events/s (a batch of 5 every 50 ms, the runtime's cadence),
//    each watched by one SSE stream → report-to-browser latency p50/p95/p99. Goal p95 ≤ 100 ms.
// The runs are real: a plugin that hands the bench its run token, then waits.
import { buildZip } from "../../tests/helpers/zip-builder";
import { readFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";
import { bootstrapAdmin } from "../../scripts/lib/bootstrap-admin";
import { benchHub } from "../lib/stack";

const RUNS = 50;
const RATE = 100; // events per run per second
const LATENCY_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const INGEST_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const config = `name: Event bench
code: event-bench
version: "1.0.0"
category: custom
description: Hands the bench its run token, then waits.
actions:
  hold:
    entrypoint: plugin.hold:main
    method: task
`;
const hold = `import os, time
def main(params, ctx):
    print("TOKEN " + os.environ["SYNAPSE_ACCESS_TOKEN"], flush=True)
    time.sleep(params.get("seconds", 120))
`;

type Stack = Awaited<ReturnType<typeof benchHub>>;

async function startHolders(url: string, token: string): Promise<{ id: string; token: string }[]> {
  const zip = buildZip([
    { name: "eb/config.yaml", data: config },
    { name: "eb/plugin/__init__.py", data: "" },
    { name: "eb/plugin/hold.py", data: hold },
    { name: "eb/README.md", data: "# bench\n" },
  ]);
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(zip)]), "eb.zip");
  const published = await fetch(`${url}/api/v1/plugins`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } });
  if (published.status !== 201) throw new Error(`publish: ${published.status} ${await published.text()}`);
  const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const ids = await Promise.all(
    Array.from({ length: RUNS }, async (_, i) => {
      const response = await fetch(`${url}/api/v1/runs`, {
        method: "POST",
        headers: { ...auth, "idempotency-key": `bench-${i}-${Date.now()}` },
        body: JSON.stringify({ plugin: "event-bench", action: "hold", params: { seconds: INGEST_SECONDS + LATENCY_SECONDS + 120 } }),
      });
      if (response.status !== 201) throw new Error(`launch: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    }),
  );
  // Each run prints its token once it runs; read it from its log.
  return Promise.all(
    ids.map(async (id) => {
      for (let tries = 0; tries < 600; tries++) {
        const events = (await (await fetch(`${url}/api/v1/runs/${id}/events?types=log,status`, { headers: auth })).json()) as {
          items: { data: { message?: string; status?: string } }[];
        };
        const line = events.items.map((e) => e.data.message ?? "").find((m) => m.startsWith("TOKEN "));
        if (line) return { id, token: line.slice(6) };
        if (events.items.some((e) => e.data.status === "failed")) throw new Error(`holder run ${id} failed`);
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`holder run ${id} never started`);
    }),
  );
}

const entry = (job: string, i: number) => ({ event: "bench", data: { i, sent: Date.now() }, datetime: new Date().toISOString(), job, level: "info" });

async function ingestion(url: string, runs: { id: string; token: string }[], database: string): Promise<number> {
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  const count = async () => Number((await client.query("SELECT count(*) FROM run_events")).rows[0].count);
  const before = await count();
  const deadline = Date.now() + INGEST_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async (_, worker) => {
      const run = runs[worker];
      let i = 0;
      while (Date.now() < deadline) {
        const body = JSON.stringify(Array.from({ length: 500 }, () => entry(run.id, i++)));
        const response = await fetch(`${url}/logs/`, {
          method: "POST",
          headers: { authorization: `Token ${run.token}`, "content-type": "application/json" },
          body,
        });
        if (response.status !== 201) throw new Error(`POST /logs/: ${response.status} ${await response.text()}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const persisted = (await count()) - before;
  await client.end();
  return persisted / seconds;
}

async function latency(url: string, runs: { id: string; token: string }[], adminToken: string): Promise<number[]> {
  const samples: number[] = [];
  const stop = new AbortController();
  let measuring = false;
  // One watcher per run, as a browser's EventSource would hold it.
  const watchers = runs.map(async (run) => {
    const last = (
      (await (await fetch(`${url}/api/v1/runs/${run.id}`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as { lastEventId: number }
    ).lastEventId;
    const response = await fetch(`${url}/api/v1/runs/${run.id}/events?after=${last}`, {
      headers: { authorization: `Bearer ${adminToken}`, accept: "text/event-stream" },
      signal: stop.signal,
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          // A log event's data keeps the entry's own fields: `sent` is when the reporter sent it.
          const sent = data ? (JSON.parse(data) as { data: { data?: { sent?: number } } }).data.data?.sent : undefined;
          if (measuring && typeof sent === "number") samples.push(Date.now() - sent);
        }
      }
    } catch {
      // stopped
    }
  });
  await new Promise((r) => setTimeout(r, 1000));
  measuring = true;
  const deadline = Date.now() + LATENCY_SECONDS * 1000;
  // Reporters: a batch of 5 every 50 ms per run = 100 events/s per run.
  const reporters = runs.map(async (run, r) => {
    await new Promise((resolve) => setTimeout(resolve, (r * 50) / runs.length));
    let i = 0;
    while (Date.now() < deadline) {
      const tick = Date.now();
      const batch = Array.from({ length: 5 }, () => ({ ...entry(run.id, i++) }));
      batch.forEach((e) => (e.data.sent = Date.now()));
      await fetch(`${url}/logs/`, {
        method: "POST",
        headers: { authorization: `Token ${run.token}`, "content-type": "application/json" },
        body: JSON.stringify(batch),
      });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 50 - (Date.now() - tick))));
    }
  });
  await Promise.all(reporters);
  await new Promise((r) => setTimeout(r, 1000));
  measuring = false;
  stop.abort();
  await Promise.allSettled(watchers);
  return samples;
}

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100/s)
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  let stack: Stack | undefined;
  try {
    stack = await benchHub("events", undefined, {
      LOCAL_CONCURRENCY: String(RUNS + 2),
      ...(process.env.BENCH_PGOPTIONS ? { PGOPTIONS: process.env.BENCH_PGOPTIONS } : {}),
    });
    const { token } = await bootstrapAdmin(stack.hub.url);
    console.log(`starting ${RUNS} real runs that hold their tokens…`);
    const runs = await startHolders(stack.hub.url, token);
    const perSecond = await ingestion(stack.hub.url, runs, stack.database.url);
    console.log(
      `ingestion: ${Math.round(perSecond).toLocaleString("en")} events/s persisted through POST /logs/ (batches of 500, 8 reporters) — goal ≥ 20,000`,
    );
    const hubPid = stack.hub.child.pid!;
    const [hubBefore, selfBefore, started] = [cpuSeconds(hubPid), process.cpuUsage(), performance.now()];
    const samples = (await latency(stack.hub.url, runs, token)).sort((a, b) => a - b);
    const wall = (performance.now() - started) / 1000;
    const self = process.cpuUsage(selfBefore);
    const cpu = (seconds: number) => `${Math.round((seconds / wall) * 100)}%`;
    console.log(
      `latency: ${RUNS} runs × ${RATE} events/s, ${samples.length.toLocaleString("en")} events seen: p50 ${percentile(samples, 50)} ms, p95 ${percentile(samples, 95)} ms, p99 ${percentile(samples, 99)} ms — goal p95 ≤ 100 ms`,
    );
    const expected = RUNS * RATE * LATENCY_SECONDS;
    if (samples.length < expected * 0.9) console.log(`(only ${samples.length} of ~${expected} events were seen: the reporters fell behind)`);
    console.log(
      `CPU during the latency phase (of one core): hub ${cpu(cpuSeconds(hubPid) - hubBefore)}, this client ${cpu((self.user + self.system) / 1e6)}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    );
  } finally {
    await stack?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
