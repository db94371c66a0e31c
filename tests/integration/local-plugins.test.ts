import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalPluginList } from "@/lib/local-plugins/schemas";
import type { HubProcess } from "@/scripts/lib/hub-process";
import { authHeaders, hubUrl, uniqueCode } from "@/tests/helpers/hub";
import { launchOk, waitForRun } from "@/tests/helpers/runs";
import { startSiblingHub } from "@/tests/helpers/sibling-hub";

// PLUGINS_DIR: a hub instance registers the plugin folders it finds as debug releases, at start-up and
// on every change; an invalid folder is listed with its errors and the hub stays up.
const root = mkdtempSync(path.join(os.tmpdir(), "local-plugins-"));
const good = uniqueCode("local");

function writePlugin(folder: string, code: string, answer: string, extra = "") {
  mkdirSync(path.join(root, folder, "plugin"), { recursive: true });
  const config = [
    `name: "Local ${code}"`,
    `code: ${code}`,
    `version: "0.1.0"`,
    "category: custom",
    `description: "In place."`,
    extra,
    "actions:",
    "  answer:",
    "    entrypoint: plugin.main:main",
    "    method: task",
  ];
  writeFileSync(path.join(root, folder, "config.yaml"), config.join("\n"));
  writeFileSync(path.join(root, folder, "plugin", "__init__.py"), "");
  writeFileSync(path.join(root, folder, "plugin", "main.py"), `def main(params, ctx):\n    return {"answer": ${JSON.stringify(answer)}}\n`);
}

describe("local plugin folders (PLUGINS_DIR)", () => {
  let hub: HubProcess;
  const list = async (): Promise<LocalPluginList> => (await fetch(`${hub.url}/api/v1/local-plugins`, { headers: authHeaders() })).json();
  const until = async (check: (l: LocalPluginList) => boolean, what: string) => {
    const deadline = Date.now() + 15_000;
    for (let l = await list(); !check(l); l = await list()) {
      if (Date.now() > deadline) throw new Error(`${what} did not happen within 15 s: ${JSON.stringify(l)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  beforeAll(async () => {
    writePlugin("good", good, "first");
    writePlugin("broken", uniqueCode("broken"), "x", "category: not-a-category");
    hub = await startSiblingHub({ env: { PLUGINS_DIR: `${root}:${path.join(root, "missing")}` } });
  }, 120_000);
  afterAll(async () => hub?.stop());

  it("registers valid folders as debug releases, lists invalid ones with their errors, and follows edits", async () => {
    await until((l) => l.items.length === 2, "the first scan");
    const { items } = await list();
    const ok = items.find((i) => i.folder.endsWith("/good"))!;
    expect(ok).toMatchObject({ ok: true, code: good, version: "0.1.0", errors: [] });
    const bad = items.find((i) => i.folder.endsWith("/broken"))!;
    expect(bad.ok).toBe(false);
    expect(bad.errors.length).toBeGreaterThan(0);
    const version = await (await fetch(`${hub.url}/api/v1/plugins/${good}/versions/0.1.0`, { headers: authHeaders() })).json();
    expect(version.debug).toBe(true);
    // The page (on the suite's hub, which has no PLUGINS_DIR: the admin's session is its own) says how to set it.
    const page = await (await fetch(`${hubUrl()}/local-plugins`, { headers: { cookie: process.env.HUB_ADMIN_COOKIE ?? "", accept: "text/html" } })).text();
    expect(page).toContain("Local plugins");
    expect(page).toContain("No PLUGINS_DIR");

    // An edit is seen by the watcher: the next run runs the new code.
    writePlugin("good", good, "second");
    const changed = async () => {
      const run = await waitForRun((await launchOk({ plugin: good, version: "0.1.0", action: "answer" }, hub.url)).id, undefined, 60_000, hub.url);
      return (run.result as { answer: string }).answer;
    };
    const deadline = Date.now() + 15_000;
    while ((await changed()) !== "second") if (Date.now() > deadline) throw new Error("the edit was not registered within 15 s");

    // A folder made broken later is listed as such; the hub keeps serving.
    writeFileSync(path.join(root, "good", "config.yaml"), "name: [unclosed");
    await until((l) => l.items.some((i) => i.folder.endsWith("/good") && !i.ok), "the broken edit");
    expect((await fetch(`${hub.url}/api/v1/plugins`)).status).toBe(200);
  }, 180_000);
});
