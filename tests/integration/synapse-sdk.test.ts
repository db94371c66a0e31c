import { describe, expect, it } from "vitest";
import { authHeaders, hubUrl, pluginZip, sha256, uniqueCode } from "@/tests/helpers/hub";

// Replays what `synapse plugin publish` sends (DESIGN.md §3), in the SDK's own header format.
const sdkAuth = () => ({ "synapse-access-token": `Token ${authHeaders().authorization.replace("Bearer ", "")}` });

function releaseForm(fields: Record<string, string>, bytes: Buffer): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "application/zip" }), "dist.zip");
  return form;
}

const post = (form: FormData, headers: Record<string, string> = sdkAuth()) => fetch(`${hubUrl()}/plugin_releases/`, { method: "POST", body: form, headers });

describe("the Synapse SDK's publish protocol", () => {
  it("accepts the newer client's request: plugin, version, config (JSON), debug, meta and the file", async () => {
    const code = uniqueCode("sdk");
    const bytes = pluginZip({ code, version: "0.3.0" });
    const config = { name: `Test Plugin ${code}`, code, version: "0.3.0", category: "custom", actions: { run: { entrypoint: "plugin.main:run" } } };
    const response = await post(
      releaseForm({ plugin: code, version: "0.3.0", config: JSON.stringify(config), debug: "False", meta: JSON.stringify({ branch: "main" }) }, bytes),
    );
    expect(response.status).toBe(201);
    const release = await response.json();
    expect(release).toMatchObject({ plugin: code, version: "0.3.0", checksum: sha256(bytes), debug: false });
    expect(release.id).toMatch(/^[0-9a-f-]{36}$/);

    const stored = await (await fetch(`${hubUrl()}/api/v1/plugins/${code}/versions/0.3.0`)).json();
    expect(stored.sha256).toBe(sha256(bytes));
    const again = await (await fetch(`${hubUrl()}/plugin_releases/${release.id}/`, { headers: { accept: "application/json" } })).json();
    expect(again).toMatchObject({ id: release.id, plugin: code, version: "0.3.0", checksum: sha256(bytes) });
  });

  it("accepts the older client's request: plugin, debug and the file only (config from the zip)", async () => {
    const code = uniqueCode("sdk-old");
    const bytes = pluginZip({ code, version: "1.2.0" });
    const response = await post(releaseForm({ plugin: code, debug: "False" }, bytes));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ plugin: code, version: "1.2.0", checksum: sha256(bytes), debug: false });
    // Same bytes again: nothing changes; different bytes for the same release: 409 (a debug one is replaced: debug-releases.test.ts).
    expect((await post(releaseForm({ plugin: code, debug: "False" }, bytes))).status).toBe(200);
    const conflict = await post(releaseForm({ plugin: code, debug: "False" }, pluginZip({ code, version: "1.2.0", salt: "changed" })));
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).code).toBe("version_exists");
  });

  it("refuses a form that disagrees with the archive, and callers without a publish token", async () => {
    const code = uniqueCode("sdk-bad");
    const mismatch = await post(releaseForm({ plugin: "someone-else", version: "9.9.9", debug: "False" }, pluginZip({ code })));
    expect(mismatch.status).toBe(422);
    expect((await mismatch.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual(["plugin", "version"]);
    expect((await post(releaseForm({ plugin: code, debug: "False" }, pluginZip({ code })), {})).status).toBe(401);
    expect((await post(releaseForm({ plugin: code, debug: "False" }, pluginZip({ code })), { "synapse-access-token": "Token shub_nope" })).status).toBe(401);
  });

  it("lists plugins and releases in the SDK's paging shape", async () => {
    const plugins = await (await fetch(`${hubUrl()}/plugins/?page_size=1`, { headers: sdkAuth() })).json();
    expect(plugins).toMatchObject({ count: expect.any(Number), previous: null, results: [expect.objectContaining({ code: expect.any(String) })] });
    const next = new URL(plugins.next);
    expect([next.pathname, next.searchParams.get("page"), next.searchParams.get("page_size")]).toEqual(["/plugins/", "2", "1"]);
    const detail = await (await fetch(`${hubUrl()}/plugins/tiny-classifier/`, { headers: sdkAuth() })).json();
    expect(detail).toMatchObject({
      code: "tiny-classifier",
      category: "neural_net",
      releases: expect.arrayContaining([expect.objectContaining({ version: "1.0.0" })]),
    });
    const releases = await (await fetch(`${hubUrl()}/plugin_releases/?plugin=tiny-classifier`, { headers: sdkAuth() })).json();
    expect(releases.results.every((r: { plugin: string }) => r.plugin === "tiny-classifier")).toBe(true);
  });

  it("still serves the plugin page to a browser at a trailing-slash address", async () => {
    const page = await fetch(`${hubUrl()}/plugins/tiny-classifier/`, { headers: { accept: "text/html" }, redirect: "manual" });
    expect(page.headers.get("content-type") ?? "").not.toContain("application/json");
  });
});
