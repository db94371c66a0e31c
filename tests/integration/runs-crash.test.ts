import { existsSync, readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { HubProcess } from "@/scripts/lib/hub-process";
import { authHeaders, hubUrl } from "@/tests/helpers/hub";
import { allEvents, getRun, launchOk, logMessages, publishRunnable, waitForRun } from "@/tests/helpers/runs";
import { startSiblingHub } from "@/tests/helpers/sibling-hub";

const started: HubProcess[] = [];
const launched: string[] = [];
// Sleepers left running would hold the hubs' run slots for the tests after them.
const cancelLaunched = () =>
  Promise.all(launched.splice(0).map((id) => fetch(`${hubUrl()}/api/v1/runs/${id}/cancel`, { method: "POST", headers: authHeaders() })));
afterEach(cancelLaunched);
afterAll(async () => {
  await cancelLaunched();
  await Promise.all(started.map((hub) => hub.stop("SIGKILL")));
});

/** Whether a process still runs: a zombie (dead, not yet reaped by an init that may never reap it) does not. */
const alive = (pid: number) => {
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, "utf8") : "";
  return stat !== "" && stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
};

/**
 * Starts a sibling hub taking runs, and `count` sleeping runs, more than the other instances have slots
 * for (the suite's hub: 2, a sibling left from an earlier test: 2), so the sibling certainly executes
 * some. Answers the sibling, the runs, and the ids of those on the sibling.
 */
async function sleepersOnSibling(count: number) {
  const code = await publishRunnable({ long: { body: "print(os.getpid(), flush=True)\ntime.sleep(600)" } });
  // A short kill grace: a plugin process slow to die (a loaded CI machine) is SIGKILLed by the hub at
  // 3 s, so a clean stop ends well inside the harness's own 10 s SIGKILL, whatever the machine's load.
  const sibling = await startSiblingHub({ env: { LOCAL_CONCURRENCY: "4", RUN_KILL_GRACE_SECONDS: "3" } });
  started.push(sibling);
  const runs = await Promise.all(Array.from({ length: count }, () => launchOk({ plugin: code, action: "long" })));
  launched.push(...runs.map((run) => run.id));
  await Promise.all(runs.map((run) => waitForRun(run.id, (r) => r.status === "running")));
  const { rows } = await query<{ id: string; node: string }>("SELECT id, node FROM runs WHERE id = ANY($1::uuid[])", [runs.map((r) => r.id)]);
  const onSibling = rows.filter((row) => row.node.split("/")[1] === String(sibling.child.pid)).map((row) => row.id);
  expect(onSibling.length).toBeGreaterThanOrEqual(2);
  return { sibling, runs, onSibling };
}

describe("a hub killed while it runs plugins", () => {
  it("ends those runs failed with a clear cause after the restart, and stops their processes", async () => {
    const { sibling, runs, onSibling } = await sleepersOnSibling(4);
    const pids = new Map<string, number>();
    for (const id of onSibling) {
      const deadline = Date.now() + 30_000;
      let pid: number | undefined;
      while (!pid && Date.now() < deadline) {
        pid = Number(logMessages(await allEvents(id)).find((line) => /^\d+$/.test(line))) || undefined;
        if (!pid) await new Promise((r) => setTimeout(r, 200));
      }
      pids.set(id, pid!);
    }

    await sibling.stop("SIGKILL");
    const restarted = await startSiblingHub();
    started.push(restarted);
    for (const id of onSibling) {
      const run = await waitForRun(id, (r) => r.status !== "running", 60_000);
      expect(run.status).toBe("failed");
      expect(run.error).toMatch(/Interrupted/);
      expect(alive(pids.get(id)!)).toBe(false);
    }
    // The runs on the instance that lives on were left alone.
    for (const run of runs.filter((r) => !onSibling.includes(r.id))) expect((await getRun(run.id)).status).toBe("running");
  });
});

describe("a hub stopped cleanly (SIGTERM) while it runs plugins", () => {
  it("stops its runs, ends them failed with the cause said, and exits although live streams are open", async () => {
    const { sibling, onSibling } = await sleepersOnSibling(6);
    // A live event stream held open on the instance being stopped.
    const stream = await fetch(`${sibling.url}/api/v1/runs/${onSibling[0]}/events`, { headers: { ...authHeaders(), accept: "text/event-stream" } });
    expect(stream.status).toBe(200);

    const stopping = Date.now();
    await sibling.stop("SIGTERM");
    expect(Date.now() - stopping).toBeLessThan(9_000); // exited by itself, before the SIGKILL fallback
    for (const id of onSibling) {
      const run = await getRun(id);
      expect(run.status).toBe("failed");
      expect(run.error).toMatch(/shut down/);
    }
    await stream.body?.cancel().catch(() => {});
  });
});

describe("a run whose queue entry was lost", () => {
  it("goes back on the queue when an instance starts, and runs", async () => {
    const code = await publishRunnable({ quick: { body: 'return {"ran": True}' } });
    const first = await waitForRun((await launchOk({ plugin: code, action: "quick" })).id);
    expect(first.status).toBe("succeeded");
    // As if the instance that took its job died before marking it starting: queued, and no job left.
    const { rows } = await query<{ id: string }>(
      `INSERT INTO runs (id, plugin_id, version_id, plugin_code, version, action, method, params, status, backend, timeout_seconds, created_at)
       SELECT gen_random_uuid(), plugin_id, version_id, plugin_code, version, action, method, params, 'queued', backend, timeout_seconds, now() - interval '5 minutes'
       FROM runs WHERE id = $1 RETURNING id`,
      [first.id],
    );
    const lost = rows[0].id;
    started.push(await startSiblingHub());
    const run = await waitForRun(lost, undefined, 60_000);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run.result).toEqual({ ran: true });
  });
});

async function query<T extends object>(text: string, values: unknown[]): Promise<{ rows: T[] }> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await client.query<T & pg.QueryResultRow>(text, values);
  } finally {
    await client.end();
  }
}
