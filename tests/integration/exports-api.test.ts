// The Exports list through HTTP: runs of export plugins with what their params say they export and
// what they produced; and the result page a share link opens without an account.
import { describe, expect, it } from "vitest";
import type { ExportDto, ExportList } from "@/lib/exports/schemas";
import { authHeaders, hubUrl, uniqueCode } from "../helpers/hub";
import { launchOk, publishFiles, publishRunnable, waitForRun } from "../helpers/runs";

// Uploads two files with the run's token (as artifacts.test.ts does) and reports a third as failed.
const EXPORTER = `import hashlib, os, urllib.request, json
host = os.environ["SYNAPSE_HOST"].rstrip("/")
token = os.environ["SYNAPSE_ACCESS_TOKEN"]
job = os.environ["SYNAPSE_JOB_ID"]
def call(method, path, data, headers):
    req = urllib.request.Request(f"{host}/api/v1/runs/{job}/artifacts{path}", data=data, method=method,
        headers={"Authorization": f"Token {token}", **headers})
    return urllib.request.urlopen(req).status
def put(path, data):
    return call("PUT", "/" + path, data, {"Content-Type": "application/octet-stream", "X-Artifact-Sha256": hashlib.sha256(data).hexdigest()})
put("json/1.json", b'{"id": 1}')
put("json/2.json", b'{"id": 22}')
call("POST", "", json.dumps({"path": "originals/3.png", "error": "the file was gone"}).encode(), {"Content-Type": "application/json"})
return {"exported": 2}`;

async function publishExporter(): Promise<string> {
  const code = uniqueCode("exp");
  const body = EXPORTER.split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
  return publishFiles(code, {
    "config.yaml": [
      `name: "Exporter ${code}"`,
      `code: ${code}`,
      `version: "1.0.0"`,
      "category: export",
      `description: "An export plugin the exports tests launch."`,
      "actions:",
      "  export:",
      "    entrypoint: plugin.export:main",
      "    method: job",
    ].join("\n"),
    "plugin/__init__.py": "",
    "plugin/export.py": `def main(params, ctx):\n${body}\n`,
  });
}

/** A project with one task and a ground-truth version "v1"; answers their ids. */
async function importProject(name: string): Promise<{ projectId: number; versionId: number }> {
  const lines = [
    { type: "project", name },
    { type: "task", key: "a" },
    { type: "ground_truth", version: "v1", task: "a", category: "circle" },
  ];
  const form = new FormData();
  form.append("file", new Blob([lines.map((l) => `${JSON.stringify(l)}\n`).join("")]), "p.jsonl");
  const response = await fetch(`${hubUrl()}/api/v1/projects`, { method: "POST", body: form, headers: authHeaders() });
  expect(response.status, await response.clone().text()).toBe(201);
  const projectId = ((await response.json()) as { id: number }).id;
  const detail = await (await fetch(`${hubUrl()}/api/v1/projects/${projectId}`, { headers: authHeaders() })).json();
  return { projectId, versionId: (detail.groundTruthVersions as { id: number; name: string }[]).find((v) => v.name === "v1")!.id };
}

const exportsPage = async (query = ""): Promise<ExportList> => {
  const response = await fetch(`${hubUrl()}/api/v1/exports${query}`, { headers: authHeaders() });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
};

describe("GET /api/v1/exports", () => {
  it("lists export runs with target, project, ground-truth version, file counts and size; not other runs; filters by status; pages", async () => {
    const [exporter, other, { projectId, versionId }] = await Promise.all([
      publishExporter(),
      publishRunnable({ export: { body: "return {}" } }, "notexp"),
      importProject("Exported project"),
    ]);
    // The SDK's ExportParams: a ground-truth export names only its version, and its project is the version's.
    const withProject = await launchOk({
      plugin: exporter,
      action: "export",
      params: { target: "ground_truth", name: "gt-out", storage: 1, path: "/", filter: { ground_truth_dataset_version: versionId } },
    });
    const assignments = await launchOk({ plugin: exporter, action: "export", params: { target: "assignment", filter: { project: projectId } } });
    const bare = await launchOk({ plugin: exporter, action: "export", params: { project: 987654321 } });
    const custom = await launchOk({ plugin: other, action: "export" });
    for (const run of [withProject, assignments, bare, custom]) expect((await waitForRun(run.id)).status).toBe("succeeded");

    const list = await exportsPage("?limit=100");
    const ids = list.items.map((e) => e.runId);
    expect(ids).toContain(withProject.id);
    expect(ids, "a run of a custom-category plugin is no export").not.toContain(custom.id);
    expect(ids.indexOf(bare.id), "newest first").toBeLessThan(ids.indexOf(withProject.id));
    const item = list.items.find((e) => e.runId === withProject.id)!;
    expect(item).toMatchObject<Partial<ExportDto>>({
      plugin: exporter,
      action: "export",
      status: "succeeded",
      target: "ground_truth",
      project: { id: projectId, name: "Exported project" },
      groundTruthVersion: { id: versionId, name: "v1" },
      name: "gt-out",
      files: 3,
      failed: 1,
      bytes: '{"id": 1}'.length + '{"id": 22}'.length,
    });
    expect(item.finishedAt).not.toBeNull();
    expect(list.items.find((e) => e.runId === assignments.id)).toMatchObject({
      target: "assignment",
      project: { id: projectId, name: "Exported project" },
      groundTruthVersion: null,
    });
    // A project that does not exist, no target: listed with what is known.
    expect(list.items.find((e) => e.runId === bare.id)).toMatchObject({ target: null, project: { id: 987654321, name: null }, name: null });

    expect((await exportsPage("?status=failed&limit=100")).items.map((e) => e.runId)).not.toContain(withProject.id);
    expect((await exportsPage("?status=succeeded&limit=100")).items.map((e) => e.runId)).toContain(withProject.id);

    const first = await exportsPage("?limit=1");
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await exportsPage(`?limit=1&cursor=${first.nextCursor}`);
    expect(second.items[0].runId).not.toBe(first.items[0].runId);
    expect(second.items[0].createdAt <= first.items[0].createdAt).toBe(true);

    expect((await fetch(`${hubUrl()}/api/v1/exports`)).status).toBe(401);
    expect((await fetch(`${hubUrl()}/api/v1/exports?status=nope`, { headers: authHeaders() })).status).toBe(422);
    expect((await fetch(`${hubUrl()}/api/v1/exports?cursor=garbage`, { headers: authHeaders() })).status).toBe(400);
  });

  it("a share link opens the result page without an account until it expires; a tampered one says so", async () => {
    const run = await waitForRun((await launchOk({ plugin: await publishExporter(), action: "export", params: { target: "task" } })).id);
    const tooLong = await fetch(`${hubUrl()}/api/v1/runs/${run.id}/share`, {
      method: "POST",
      headers: { ...authHeaders(), "content-type": "application/json" },
      body: JSON.stringify({ expiresInSeconds: 31 * 24 * 3600 }),
    });
    expect(tooLong.status).toBe(422);
    const share = await (
      await fetch(`${hubUrl()}/api/v1/runs/${run.id}/share`, {
        method: "POST",
        headers: { ...authHeaders(), "content-type": "application/json" },
        body: JSON.stringify({ expiresInSeconds: 3600 }),
      })
    ).json();
    expect(Date.parse(share.expiresAt) - Date.now()).toBeGreaterThan(3500_000);

    const page = await fetch(`${hubUrl()}/runs/${run.id}/files?share=${encodeURIComponent(share.token)}`, { redirect: "manual" });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Shared result");
    expect(html).toContain(run.plugin);
    const list = await (await fetch(`${hubUrl()}/api/v1/runs/${run.id}/artifacts?share=${encodeURIComponent(share.token)}`)).json();
    expect(list.summary).toMatchObject({ files: 3, uploaded: 2, failed: 1 });
    // The run's status rides with the list: a share link's page cannot read the run, and stops polling once it ended.
    expect(list.runStatus).toBe(run.status);
    expect(["succeeded", "failed", "cancelled"]).toContain(list.runStatus);

    // No session and no link: sent to sign in (a streamed page redirects in its body; the e2e journey follows it).
    const unsigned = await (await fetch(`${hubUrl()}/runs/${run.id}/files`)).text();
    expect(unsigned).toContain(`/sign-in?next=${encodeURIComponent(`/runs/${run.id}/files`)}`);
    expect(unsigned).not.toContain("Shared result");
    const tampered = await (await fetch(`${hubUrl()}/runs/${run.id}/files?share=${encodeURIComponent(share.token)}x`)).text();
    expect(tampered).toContain("This share link is not valid.");
    expect(tampered).not.toContain("Shared result");
  });
});
