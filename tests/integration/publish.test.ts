import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authHeaders, hubUrl, pluginZip, publish, sha256, uniqueCode } from "@/tests/helpers/hub";
import { buildTarGz } from "@/tests/helpers/tar-builder";
import { configYaml } from "@/tests/helpers/plugin-config";
import { buildZip } from "@/tests/helpers/zip-builder";

describe("publishing over HTTP", () => {
  it("stores a new version and answers 201 with its checksum", async () => {
    const code = uniqueCode();
    const bytes = pluginZip({ code });
    const response = await publish(bytes);
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      created: true,
      plugin: { code, latestVersion: "1.0.0" },
      version: { version: "1.0.0", sha256: sha256(bytes), sizeBytes: bytes.length, format: "zip" },
    });
    const detail = await (await fetch(`${hubUrl()}/api/v1/plugins/${code}/versions/1.0.0`)).json();
    expect(detail.actions).toEqual([{ name: "run", method: "task", entrypoint: "plugin.main:run", description: null, params: [] }]);
    expect(detail.readme).toContain(`# ${code}`);
  });

  it("accepts a .tar.gz with the config inside its single top-level folder", async () => {
    const code = uniqueCode();
    const bytes = await buildTarGz([
      { name: `${code}/`, type: "directory" },
      { name: `${code}/config.yaml`, data: configYaml({ code, category: "export" }) },
      { name: `${code}/plugin/main.py`, data: "x = 1\n" },
    ]);
    const response = await publish(bytes, "plugin.tar.gz");
    expect(response.status).toBe(201);
    expect((await response.json()).version.format).toBe("tar.gz");
  });

  it("works with curl -F file=@plugin.zip", async () => {
    const code = uniqueCode();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "curl-")), "plugin.zip");
    writeFileSync(file, pluginZip({ code }));
    const result = spawnSync(
      "curl",
      ["-sS", "-w", "\n%{http_code}", "-H", `authorization: ${authHeaders().authorization}`, "-F", `file=@${file}`, `${hubUrl()}/api/v1/plugins`],
      {
        encoding: "utf8",
      },
    );
    const [body, status] = result.stdout.trim().split("\n");
    expect(status).toBe("201");
    expect(JSON.parse(body).plugin.code).toBe(code);
  });

  it("accepts the raw archive as the request body", async () => {
    const code = uniqueCode();
    const bytes = pluginZip({ code });
    const response = await fetch(`${hubUrl()}/api/v1/plugins`, {
      method: "POST",
      headers: { "content-type": "application/zip", ...authHeaders() },
      body: new Uint8Array(bytes),
    });
    expect(response.status).toBe(201);
    expect((await response.json()).version.sha256).toBe(sha256(bytes));
  });

  it("keeps versions immutable: same bytes → 200, different bytes → 409", async () => {
    const code = uniqueCode();
    const bytes = pluginZip({ code });
    expect((await publish(bytes)).status).toBe(201);
    const again = await publish(bytes);
    expect(again.status).toBe(200);
    expect((await again.json()).created).toBe(false);
    const changed = await publish(pluginZip({ code, salt: "different" }));
    expect(changed.status).toBe(409);
    expect(changed.headers.get("content-type")).toBe("application/problem+json");
    expect((await changed.json()).code).toBe("version_exists");
    const stored = await (await fetch(`${hubUrl()}/api/v1/plugins/${code}/versions/1.0.0`)).json();
    expect(stored.sha256).toBe(sha256(bytes));
  });

  it("lets exactly one of several concurrent publishes of one version win", async () => {
    const code = uniqueCode();
    const candidates = Array.from({ length: 6 }, (_, i) => pluginZip({ code, salt: `candidate ${i}` }));
    const responses = await Promise.all(candidates.map((bytes) => publish(bytes)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    const winner = candidates[responses.findIndex((r) => r.status === 201)];
    const stored = await (await fetch(`${hubUrl()}/api/v1/plugins/${code}`)).json();
    expect(stored.versions).toHaveLength(1);
    expect(stored.versions[0].sha256).toBe(sha256(winner));
  });

  it("reports every config problem with its line and column", async () => {
    const bytes = buildZip([{ name: "config.yaml", data: "name: Broken\nversion: 1.0\ncategory: robots\nactions:\n  run:\n    entrypoint: nope\n" }]);
    const response = await publish(bytes);
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.code).toBe("config_invalid");
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { path: "version", message: expect.any(String), line: 2, column: 10 },
        { path: "category", message: expect.any(String), line: 3, column: 11 },
        { path: "description", message: expect.any(String), line: 1, column: 1 },
        { path: "actions.run.entrypoint", message: expect.any(String), line: 6, column: 17 },
      ]),
    );
  });

  it("refuses hostile archives before storing anything", async () => {
    const code = uniqueCode();
    const bytes = buildZip([
      { name: "config.yaml", data: configYaml({ code }) },
      { name: "../../etc/cron.d/evil", data: "x" },
    ]);
    const response = await publish(bytes);
    expect(response.status).toBe(422);
    expect((await response.json()).code).toBe("archive_path_traversal");
    expect((await fetch(`${hubUrl()}/api/v1/plugins/${code}`)).status).toBe(404);
  });

  it("refuses archives that Linux could not unpack, each with its own code", async () => {
    const code = uniqueCode();
    const longName = await publish(pluginZip({ code, extra: [{ name: `${code}/${"n".repeat(256)}.py`, data: "x" }] }));
    expect(longName.status).toBe(422);
    expect((await longName.json()).code).toBe("archive_name_too_long");
    const deep = `${code}/${Array.from({ length: 20 }, () => "d".repeat(250)).join("/")}/f.py`;
    const longPath = await publish(
      await buildTarGz([
        { name: `${code}/config.yaml`, data: configYaml({ code }) },
        { name: deep, data: "x" },
      ]),
      "p.tar.gz",
    );
    expect(longPath.status).toBe(422);
    expect((await longPath.json()).code).toBe("archive_path_too_long");
    expect((await fetch(`${hubUrl()}/api/v1/plugins/${code}`, { headers: authHeaders() })).status).toBe(404);
  });

  it("explains a missing file field and a missing config", async () => {
    const empty = await fetch(`${hubUrl()}/api/v1/plugins`, { method: "POST", body: new FormData(), headers: authHeaders() });
    expect(empty.status).toBe(422);
    const noConfig = await publish(
      buildZip([
        { name: "a/readme.md", data: "x" },
        { name: "b/x.py", data: "y" },
      ]),
    );
    expect(noConfig.status).toBe(422);
    expect((await noConfig.json()).code).toBe("config_missing");
  });
});
