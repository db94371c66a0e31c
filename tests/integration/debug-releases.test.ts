import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HubProcess } from "@/scripts/lib/hub-process";
import { authHeaders, hubUrl, publish, sha256, uniqueCode } from "@/tests/helpers/hub";
import { getRun, launch, launchOk, waitForRun } from "@/tests/helpers/runs";
import { startSiblingHub } from "@/tests/helpers/sibling-hub";
import { buildZip } from "@/tests/helpers/zip-builder";

// Debug releases: published with `debug=True` (the Synapse SDK) or `?debug=true` / `synapse-hub publish
// --debug`; replaced in place when republished, never latest, out of the catalog, runnable by version,
// removed by age while the runs that used them stay.
function pluginFiles(code: string, version: string, answer: string): Record<string, string> {
  return {
    "config.yaml": [
      `name: "Debug ${code}"`,
      `code: ${code}`,
      `version: "${version}"`,
      "category: custom",
      `description: "A plugin under development."`,
      "actions:",
      "  answer:",
      "    entrypoint: plugin.main:main",
      "    method: task",
    ].join("\n"),
    "README.md": `# ${code}\n`,
    "plugin/__init__.py": "",
    "plugin/main.py": `def main(params, ctx):\n    return {"answer": ${JSON.stringify(answer)}}\n`,
  };
}

const zipOf = (code: string, version: string, answer: string) =>
  buildZip(Object.entries(pluginFiles(code, version, answer)).map(([name, data]) => ({ name: `${code}/${name}`, data })));

const sdkAuth = () => ({ "synapse-access-token": `Token ${authHeaders().authorization.replace("Bearer ", "")}` });

async function sdkPublish(bytes: Buffer, code: string, debug: "True" | "False"): Promise<Response> {
  const form = new FormData();
  form.append("plugin", code);
  form.append("debug", debug);
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "application/zip" }), "dist.zip");
  return fetch(`${hubUrl()}/plugin_releases/`, { method: "POST", body: form, headers: sdkAuth() });
}

const api = async (pathname: string) => {
  const response = await fetch(`${hubUrl()}${pathname}`, { headers: { ...authHeaders(), accept: "application/json" } });
  return { status: response.status, body: await response.json() };
};

async function answerOf(code: string, version: string): Promise<unknown> {
  const run = await waitForRun((await launchOk({ plugin: code, version, action: "answer" })).id);
  expect(run.status, run.error ?? "").toBe("succeeded");
  expect(run.debug).toBe(true);
  return (run.result as { answer: unknown }).answer;
}

describe("debug releases", () => {
  it("through the SDK's publish: replaced in place, runnable, never latest, out of the catalog, and promoted by a real publish", async () => {
    const code = uniqueCode("dbg");
    const first = await sdkPublish(zipOf(code, "0.1.0", "A"), code, "True");
    expect(first.status).toBe(201);
    const released = await first.json();
    expect(released).toMatchObject({ plugin: code, version: "0.1.0", debug: true });

    expect(await answerOf(code, "0.1.0")).toBe("A");
    // Other bytes under the same version replace it (no 409), keeping its id; the next run runs them.
    const second = zipOf(code, "0.1.0", "B");
    const replaced = await sdkPublish(second, code, "True");
    expect(replaced.status).toBe(201);
    expect(await replaced.json()).toMatchObject({ id: released.id, checksum: sha256(second), debug: true, replaced: true });
    expect(await answerOf(code, "0.1.0")).toBe("B");

    const plugin = await api(`/api/v1/plugins/${code}`);
    expect(plugin.body).toMatchObject({ latestVersion: null, versionCount: 0, versions: [{ version: "0.1.0", debug: true, sha256: sha256(second) }] });
    // Never latest: a launch without a version has nothing to run; `latest` names no version.
    const unnamed = await launch({ plugin: code, action: "answer" });
    expect(unnamed.status).toBe(404);
    expect((await unnamed.json()).code).toBe("version_not_found");
    expect((await api(`/api/v1/plugins/${code}/versions/latest`)).status).toBe(404);
    // Out of the public catalog, on the hub's API and the Synapse list alike; its own page still answers.
    expect((await api(`/api/v1/plugins?q=${code}`)).body.items).toEqual([]);
    expect((await api(`/plugins/?search=${code}`)).body.results).toEqual([]);
    expect((await fetch(`${hubUrl()}/plugins/${code}`, { headers: { ...authHeaders(), accept: "text/html" } })).status).toBe(200);

    // A real release beside it becomes latest; the debug one stays out of "latest".
    expect((await publish(zipOf(code, "0.0.9", "R"))).status).toBe(201);
    expect((await api(`/api/v1/plugins/${code}`)).body).toMatchObject({ latestVersion: "0.0.9", versionCount: 1 });
    expect((await api(`/api/v1/plugins?q=${code}`)).body.items.map((p: { code: string }) => p.code)).toEqual([code]);
    // The Synapse run call with `debug: true` (what `synapse plugin run --mode remote` sends) runs the debug release.
    const synapseRun = (debug: boolean) =>
      fetch(`${hubUrl()}/plugins/${code}/run/`, {
        method: "POST",
        headers: { ...sdkAuth(), "content-type": "application/json" },
        body: JSON.stringify({ agent: 1, action: "answer", params: {}, debug }),
      }).then(async (response) => (await getRun(((await response.json()) as { job_id: string }).job_id)).version);
    expect(await synapseRun(true)).toBe("0.1.0");
    expect(await synapseRun(false)).toBe("0.0.9");

    // Published again without debug, the same version becomes an ordinary (immutable) release.
    const promoted = await sdkPublish(second, code, "False");
    expect(promoted.status).toBe(201);
    expect(await promoted.json()).toMatchObject({ version: "0.1.0", debug: false });
    expect((await api(`/api/v1/plugins/${code}`)).body).toMatchObject({ latestVersion: "0.1.0", versionCount: 2 });
    expect((await sdkPublish(zipOf(code, "0.1.0", "C"), code, "True")).status).toBe(409);
  }, 120_000);

  it("`synapse-hub publish --debug` republishes a folder as the same debug release", () => {
    const code = uniqueCode("dbgcli");
    const folder = mkdtempSync(path.join(os.tmpdir(), "debug-cli-"));
    const write = (answer: string) => {
      for (const [name, data] of Object.entries(pluginFiles(code, "1.0.0", answer))) {
        mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
        writeFileSync(path.join(folder, name), data);
      }
    };
    const cli = () =>
      spawnSync(process.execPath, [path.resolve("cli/bin.mjs"), "publish", folder, "--debug", "--json"], {
        encoding: "utf8",
        env: { ...process.env, SYNAPSE_HUB_HOST: hubUrl(), SYNAPSE_HUB_TOKEN: authHeaders().authorization.replace("Bearer ", "") },
      });
    write("one");
    const first = cli();
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ created: true, replaced: false, version: { version: "1.0.0", debug: true } });
    write("two");
    const second = cli();
    expect(second.status, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ created: false, replaced: true, version: { debug: true } });
    const human = spawnSync(process.execPath, [path.resolve("cli/bin.mjs"), "versions", code], {
      encoding: "utf8",
      env: { ...process.env, SYNAPSE_HUB_HOST: hubUrl(), SYNAPSE_HUB_TOKEN: authHeaders().authorization.replace("Bearer ", "") },
    });
    expect(human.stdout).toContain("1.0.0 (debug)");
  });

  describe("cleaned up by age", () => {
    let sibling: HubProcess;
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

    beforeAll(async () => {
      await db.connect();
      // An instance that sweeps every second for debug releases older than an hour: only the one this
      // test ages (other tests' debug releases are younger) is old enough.
      sibling = await startSiblingHub({ env: { DEBUG_RELEASE_MAX_AGE: "1h", DEBUG_RELEASE_SWEEP_SECONDS: "1" } });
    }, 120_000);
    afterAll(async () => {
      await sibling?.stop();
      await db.end();
    });

    it("removes a debug release past DEBUG_RELEASE_MAX_AGE; the runs that used it stay, saying which it was", async () => {
      const code = uniqueCode("dbgold");
      expect((await sdkPublish(zipOf(code, "0.5.0", "old"), code, "True")).status).toBe(201);
      const run = await waitForRun((await launchOk({ plugin: code, version: "0.5.0", action: "answer" })).id);
      expect(run.status).toBe("succeeded");

      await db.query(
        "UPDATE plugin_versions SET updated_at = now() - interval '2 hours' WHERE version = '0.5.0' AND plugin_id = (SELECT id FROM plugins WHERE code = $1)",
        [code],
      );
      const deadline = Date.now() + 15_000;
      while ((await api(`/api/v1/plugins/${code}/versions/0.5.0`)).status !== 404) {
        if (Date.now() > deadline) throw new Error("the aged debug release was not removed within 15 s");
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect((await api(`/api/v1/plugins/${code}`)).body.versions).toEqual([]);
      const kept = await getRun(run.id);
      expect(kept).toMatchObject({ id: run.id, plugin: code, version: "0.5.0", debug: true, status: "succeeded", result: { answer: "old" } });
      // A young debug release of the same sweep is left alone.
      const young = uniqueCode("dbgyoung");
      expect((await sdkPublish(zipOf(young, "0.1.0", "y"), young, "True")).status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect((await api(`/api/v1/plugins/${young}/versions/0.1.0`)).status).toBe(200);
    }, 120_000);
  });
});
