import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { authHeaders, hubUrl, signUpMember } from "@/tests/helpers/hub";
import { allEvents, getRun, launch, launchOk, publishRunnable, waitForRun } from "@/tests/helpers/runs";

let code: string;
beforeAll(async () => {
  code = await publishRunnable({
    hello: {
      body: 'ctx.log_message(f"hello {params.name}")\nreturn {"greeting": "hello " + params["name"], "twice": params.count * 2}',
      config: [
        "params_schema:",
        "  - {$formkit: text, name: name, label: Name, required: true}",
        "  - {$formkit: number, name: count, label: Count, value: 1, min: 1, max: 10}",
        "  - {$formkit: select, name: mode, label: Mode, value: fast, options: [fast, slow]}",
      ],
    },
  });
});

describe("launching a run", () => {
  it("runs the action to success and answers every field of the run", async () => {
    const run = await launchOk({ plugin: code, action: "hello", params: { name: "Ada", count: 3 } });
    expect(run).toMatchObject({
      plugin: code,
      version: "1.0.0",
      action: "hello",
      method: "task",
      status: "queued",
      backend: "local",
      params: { name: "Ada", count: 3 },
    });
    const done = await waitForRun(run.id);
    expect(done.status, done.error ?? "").toBe("succeeded");
    expect(done.result).toEqual({ greeting: "hello Ada", twice: 6 });
    expect(done.exitCode).toBe(0);
    expect(done.startedAt && done.finishedAt && done.finishedAt >= done.startedAt).toBeTruthy();
    expect(done.launchedBy?.name).toBeTruthy();

    const statuses = (await allEvents(run.id)).filter((e) => e.type === "status").map((e) => (e.data as { status: string }).status);
    expect(statuses).toEqual(["queued", "starting", "running", "succeeded"]);

    const list = await (await fetch(`${hubUrl()}/api/v1/runs?plugin=${code}&status=succeeded`, { headers: authHeaders() })).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(run.id);
    const none = await (await fetch(`${hubUrl()}/api/v1/runs?plugin=${code}&status=failed`, { headers: authHeaders() })).json();
    expect(none.items).toEqual([]);
  });

  it("refuses unknown plugins, versions and actions with their own codes", async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ plugin: "no-such-plugin-here", action: "hello" }, 404, "plugin_not_found"],
      [{ plugin: code, version: "9.9.9", action: "hello" }, 404, "version_not_found"],
      [{ plugin: code, action: "nope" }, 404, "action_not_found"],
    ];
    for (const [body, status, problem] of cases) {
      const response = await launch(body);
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect((await response.json()).code).toBe(problem);
    }
  });

  it("names every field that fails the action's schema", async () => {
    const response = await launch({ plugin: code, action: "hello", params: { count: 99, mode: "sideways" } });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.code).toBe("params_invalid");
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(["count", "mode", "name"]);
  });

  it("makes one run for concurrent launches with one Idempotency-Key, and refuses the key with another body", async () => {
    const key = randomUUID();
    const body = { plugin: code, action: "hello", params: { name: "Once" } };
    const answers = await Promise.all(Array.from({ length: 8 }, () => launch(body, { "idempotency-key": key })));
    const ids = new Set<string>();
    for (const answer of answers) {
      expect([200, 201]).toContain(answer.status);
      ids.add((await answer.json()).id);
    }
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    // The same body with its keys in another order is the same request.
    const again = await launch({ params: { name: "Once" }, action: "hello", plugin: code }, { "idempotency-key": key });
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe([...ids][0]);

    const other = await launch({ ...body, params: { name: "Twice" } }, { "idempotency-key": key });
    expect(other.status).toBe(422);
    expect((await other.json()).code).toBe("idempotency_key_reused");
  });

  it("needs an account, the run scope for tokens, and the hub's own origin for sessions", async () => {
    const body = JSON.stringify({ plugin: code, action: "hello", params: { name: "x" } });
    const anonymous = await fetch(`${hubUrl()}/api/v1/runs`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(anonymous.status).toBe(401);

    const cookie = await signUpMember("Runner", randomUUID().slice(0, 8));
    const created = await fetch(`${hubUrl()}/api/v1/tokens`, {
      method: "POST",
      headers: { cookie, origin: hubUrl(), "content-type": "application/json" },
      body: JSON.stringify({ name: "read only", scopes: ["read"] }),
    });
    const { token } = await created.json();
    const readOnly = await fetch(`${hubUrl()}/api/v1/runs`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body,
    });
    expect(readOnly.status).toBe(403);
    expect((await readOnly.json()).code).toBe("insufficient_scope");

    const foreign = await fetch(`${hubUrl()}/api/v1/runs`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", "content-type": "application/json" },
      body,
    });
    expect(foreign.status).toBe(403);
    const own = await fetch(`${hubUrl()}/api/v1/runs`, { method: "POST", headers: { cookie, origin: hubUrl(), "content-type": "application/json" }, body });
    expect(own.status).toBe(201);
    const run = await own.json();
    expect((await getRun(run.id)).launchedBy?.name).toBe("Runner");
    const mine = await (await fetch(`${hubUrl()}/api/v1/runs?who=me`, { headers: { cookie } })).json();
    expect(mine.items.map((r: { id: string }) => r.id)).toEqual([run.id]);
  });

  it("pages the runs list with a keyset cursor, newest first, without repeats", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await launchOk({ plugin: code, action: "hello", params: { name: `p${i}` } })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${hubUrl()}/api/v1/runs?plugin=${code}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page: { items: { id: string }[]; nextCursor: string | null } = await (await fetch(url, { headers: authHeaders() })).json();
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 5)).toEqual([...ids].reverse());
  });

  it("runs at most LOCAL_CONCURRENCY (2 here) at once; the others wait queued, then run", async () => {
    const sleepy = await publishRunnable({ nap: { body: "time.sleep(4)\nreturn 1" } });
    const runs = await Promise.all(Array.from({ length: 3 }, () => launchOk({ plugin: sleepy, action: "nap" })));
    let most = 0;
    let sawQueued = false;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const states = await Promise.all(runs.map((run) => getRun(run.id)));
      const running = states.filter((r) => r.status === "running").length;
      most = Math.max(most, running);
      if (running === 2 && states.some((r) => r.status === "queued")) sawQueued = true;
      if (states.every((r) => r.status === "succeeded")) break;
      if (Date.now() > deadline) throw new Error(`runs did not finish: ${states.map((r) => r.status)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(most).toBe(2);
    expect(sawQueued).toBe(true);
  });
});
