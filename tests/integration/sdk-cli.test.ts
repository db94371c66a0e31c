import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RunDto } from "@/lib/runs/schemas";
import { authHeaders, hubUrl, uniqueCode } from "@/tests/helpers/hub";
import { allEvents, launchOk, logMessages, waitForRun } from "@/tests/helpers/runs";
import { runCommand, sdkCli } from "@/tests/helpers/sdk";

// The real Synapse SDK's CLI (synapse-sdk 2026.2.17, .venv-sdk/) end to end against the hub:
// `synapse plugin create` → `synapse plugin publish --host --token` → the catalog → runs reporting live,
// `synapse plugin run --mode remote`, `synapse plugin job get|logs`.
const home = mkdtempSync(path.join(os.tmpdir(), "sdk-cli-home-"));
const token = () => authHeaders().authorization.replace("Bearer ", "");
// A HOME of its own: the CLI keeps credentials and the agent under ~/.synapse/; no terminal (stdin closed).
const synapse = (args: string[], timeoutMs = 120_000) =>
  runCommand(sdkCli(), args, { env: { HOME: home, NO_COLOR: "1", COLUMNS: "200", TERM: "dumb" }, cwd: home, timeoutMs });

const api = async <T>(pathname: string): Promise<T> => (await fetch(`${hubUrl()}${pathname}`, { headers: authHeaders() })).json() as Promise<T>;

// The generated `custom` action is a function, `plugin.main.run(**kwargs)`: the SDK's own runner runs
// only BaseAction classes ("'function' object has no attribute 'dispatch'"), and the hub's runtime calls
// a function action the SDK's documented way, `fn(params, ctx)`, which a keyword-only `run` refuses.
// Below, the fix an author makes.
const WORKING_ACTION = `from pydantic import BaseModel
from synapse_sdk.plugins.action import BaseAction
import time


class WorkParams(BaseModel):
    n: int = 4


class Work(BaseAction[WorkParams]):
    def execute(self):
        for i in range(self.params.n):
            time.sleep(0.6)
            self.ctx.set_progress(i + 1, self.params.n, step="work")
            self.ctx.log_message(f"step {i + 1} of {self.params.n}")
        self.ctx.set_metrics({"loss": 0.25}, step="work")
        return {"n": self.params.n}
`;

describe("the Synapse SDK's CLI against the hub", () => {
  const code = uniqueCode("sdkcli").replace(/-/g, "_");
  let folder = "";

  it("`synapse plugin create` makes a plugin, and `synapse plugin publish --host --token` puts it in the catalog", async () => {
    const created = await synapse(["plugin", "create", "--name", `CLI ${code}`, "--code", code, "--category", "custom", "--yes", "--path", home]);
    expect(created.code, created.stderr + created.stdout).toBe(0);
    folder = path.join(home, `synapse-${code}-plugin`);
    const config = readFileSync(path.join(folder, "config.yaml"), "utf8");
    expect(config).toContain(`code: ${code}`);

    const published = await synapse(["plugin", "publish", "--path", folder, "--host", hubUrl(), "--token", token(), "--yes"]);
    expect(published.code, published.stderr + published.stdout).toBe(0);
    const catalog = await api<{ items: { code: string; latestVersion: string }[] }>(`/api/v1/plugins?q=${code}`);
    expect(catalog.items).toEqual([expect.objectContaining({ code, latestVersion: "0.1.0" })]);
  }, 180_000);

  it("runs the generated action through the hub, which fails saying why", async () => {
    const run = await waitForRun((await launchOk({ plugin: code, action: "main" })).id, undefined, 540_000);
    expect(run.status).toBe("failed");
    const lines = logMessages(await allEvents(run.id)).join("\n");
    expect(lines).toContain("run() takes 0 positional arguments but 2 were given");
  }, 600_000);

  it("an action the SDK's runner can run reports live; `synapse plugin run --mode remote` and `synapse plugin job get|logs` work", async () => {
    writeFileSync(path.join(folder, "plugin", "main.py"), WORKING_ACTION);
    const configFile = path.join(folder, "config.yaml");
    writeFileSync(
      configFile,
      readFileSync(configFile, "utf8")
        .replace(/^version: .*$/m, "version: 0.2.0")
        .replace(/entrypoint: plugin\.main\.run/, "entrypoint: plugin.main.Work"),
    );
    const published = await synapse(["plugin", "publish", "--path", folder, "--host", hubUrl(), "--token", token(), "--yes"]);
    expect(published.code, published.stderr + published.stdout).toBe(0);

    // Remote mode needs an agent in ~/.synapse/config.json (`synapse agent select` lists a backend's
    // agents, which the hub has none of: its compute backends are not agents); any id will do.
    mkdirSync(path.join(home, ".synapse"), { recursive: true });
    writeFileSync(path.join(home, ".synapse", "config.json"), JSON.stringify({ agent: { id: 1, name: "hub" } }));
    const remote = await synapse([
      "plugin",
      "run",
      "main",
      "--mode",
      "remote",
      "--plugin",
      code,
      "--params",
      '{"n": 4}',
      "--host",
      hubUrl(),
      "--token",
      token(),
    ]);
    expect(remote.code, remote.stderr + remote.stdout).toBe(0);
    expect(remote.stdout).toContain("Action completed");
    const runs = await api<{ items: RunDto[] }>(`/api/v1/runs?plugin=${code}&action=main`);
    const launched = runs.items.find((r) => r.version === "0.2.0");
    expect(launched).toBeDefined();

    // The SDK's own live tail follows the run to its end.
    const tail = await synapse(["plugin", "job", "logs", launched!.id, "--follow", "--host", hubUrl(), "--token", token()], 540_000);
    expect(tail.code, tail.stderr + tail.stdout).toBe(0);
    expect(tail.stdout).toContain("step 1 of 4\nstep 2 of 4\nstep 3 of 4\nstep 4 of 4\n");
    expect(tail.stdout).not.toMatch(/^(id|retry):/m);

    const run = await waitForRun(launched!.id, undefined, 60_000);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run.result).toEqual({ n: 4 });
    expect(run.metrics).toEqual({ work: { loss: 0.25 } });
    // Live: the hub had each step's progress while the plugin still ran, not all at the end.
    const progress = (await allEvents(run.id)).filter((e) => e.type === "progress");
    const finished = Date.parse(run.finishedAt!);
    expect(progress.filter((e) => finished - Date.parse(e.at) > 1000).length).toBeGreaterThanOrEqual(1);

    const job = await synapse(["plugin", "job", "get", run.id, "--host", hubUrl(), "--token", token()]);
    expect(job.code, job.stderr + job.stdout).toBe(0);
    expect(job.stdout.toLowerCase()).toContain("succeeded");
  }, 600_000);
});
