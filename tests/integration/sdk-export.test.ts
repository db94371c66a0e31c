// The Synapse backend API the real SDK's export action reads (export-protocol.md): the lists' paging
// and filters, run-token scoping, signed file URLs, storage 1, and an export plugin written against
// the SDK's export base classes (tests/fixtures/sdk-exporter) running for each target, its output
// landing as the run's artifacts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { authHeaders, hubUrl, sha256, uniqueCode } from "../helpers/hub";
import { allEvents, launchOk, logMessages, publishFiles, publishRunnable, waitForRun } from "../helpers/runs";
import { buildZip } from "../helpers/zip-builder";

const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
const image = (n: number) => Buffer.from(`an image ${n} ${process.pid} ${Date.now()}`);

type Item = { id: number; taskId: number; taskKey: string; data: unknown; files: { fileName: string }[] };
type Project = { id: number; images: Buffer[]; version: number; items: Record<"task" | "assignment" | "ground_truth", Item[]> };

async function importProject(name: string, tasks: number, assignments: [number, string][], events: [number, string][]): Promise<Project> {
  const images = Array.from({ length: tasks }, (_, i) => image(i + 1));
  const zip = buildZip([
    { name: "p/project.json", data: JSON.stringify({ name, configuration: { classes: ["circle", "square"] } }) },
    { name: "p/tasks.jsonl", data: jsonl(images.map((_, i) => ({ key: `t${i + 1}`, data: { n: i + 1 }, files: { image: `images/${i + 1}.png` } }))) },
    {
      name: "p/assignments.jsonl",
      data: jsonl(assignments.map(([t, worker], i) => ({ task: `t${t}`, worker, status: "submitted", data: { boxes: [[i, i, 4, 4]] } }))),
    },
    {
      name: "p/ground_truth.jsonl",
      data: jsonl(events.map(([t, category]) => ({ version: "v1", task: `t${t}`, category, data: { label: category, task: t } }))),
    },
    ...images.map((data, i) => ({ name: `p/images/${i + 1}.png`, data })),
  ]);
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(zip)]), "p.zip");
  const created = await fetch(`${hubUrl()}/api/v1/projects`, { method: "POST", body: form, headers: authHeaders() });
  expect(created.status, await created.clone().text()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const detail = (await (await fetch(`${hubUrl()}/api/v1/projects/${id}`, { headers: authHeaders() })).json()) as { groundTruthVersions: { id: number }[] };
  const items = async (kind: string) =>
    ((await (await fetch(`${hubUrl()}/api/v1/projects/${id}/items?kind=${kind}&limit=100`, { headers: authHeaders() })).json()) as { items: Item[] }).items;
  return {
    id,
    images,
    version: detail.groundTruthVersions[0].id,
    items: { task: await items("task"), assignment: await items("assignment"), ground_truth: await items("ground_truth") },
  };
}

const get = (pathAndQuery: string, headers: Record<string, string> = authHeaders()) => fetch(`${hubUrl()}${pathAndQuery}`, { headers });
const json = async (pathAndQuery: string) => {
  const response = await get(pathAndQuery);
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
};

let a: Project;
let b: Project;
beforeAll(async () => {
  a = await importProject(
    "Export A",
    3,
    [
      [1, "ann"],
      [1, "bo"],
      [2, "ann"],
      [3, "cy"],
    ],
    [
      [1, "circle"],
      [2, "square"],
      [3, "circle"],
    ],
  );
  b = await importProject("Export B", 1, [[1, "ann"]], [[1, "circle"]]);
}, 120_000);

describe("the Synapse export lists", () => {
  it("page by number with a count (the SDK's page_size=1 probe) and by cursor, with absolute next links", async () => {
    const ids = a.items.assignment.map((i) => i.id).sort((x, y) => y - x);
    const probe = await json(`/sdk/assignments/?project=${a.id}&page_size=1`);
    expect(probe.count).toBe(4);
    expect(probe.results.map((r: { id: number }) => r.id)).toEqual([ids[0]]);
    expect(probe.next).toBe(`${hubUrl()}/sdk/assignments/?project=${a.id}&page_size=1&page=2`);
    expect(probe.previous).toBeNull();

    // What the SDK's handler sends, then every `next` as given.
    let url: string | null = `${hubUrl()}/sdk/assignments/?project=${a.id}&expand=data&page_size=3&response_mode=presigned&ordering=-id&pagination=cursor`;
    const walked: number[] = [];
    const pages: Record<string, unknown>[] = [];
    while (url) {
      const response = await fetch(url, { headers: authHeaders() });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { next: string | null; results: { id: number }[] };
      pages.push(page);
      walked.push(...page.results.map((r) => r.id));
      url = page.next;
      if (url) expect(url.startsWith(`${hubUrl()}/sdk/assignments/?`) && url.includes("cursor=")).toBe(true);
    }
    expect(walked).toEqual(ids);
    expect(pages.length).toBe(2);
    expect(pages.every((p) => !("count" in p))).toBe(true);
    const ascending = await json(`/sdk/tasks/?project=${a.id}&pagination=cursor&ordering=id&page_size=10`);
    expect(ascending.results.map((r: { id: number }) => r.id)).toEqual(a.items.task.map((t) => t.id).sort((x, y) => x - y));
  });

  it("serve items in the SDK's shapes, with signed file URLs readable without an account", async () => {
    const t1 = a.items.task.find((t) => t.taskKey === "t1")!;
    const tasks = await json(`/sdk/tasks/?project=${a.id}&expand=data_unit&id=${t1.id}`);
    expect(tasks.results).toEqual([
      expect.objectContaining({
        id: t1.id,
        project: a.id,
        data: { n: 1 },
        data_unit: { id: t1.id, files: { image: expect.objectContaining({ file_name_original: "1.png", is_primary: true }) } },
      }),
    ]);
    const assignments = await json(`/sdk/assignments/?project=${a.id}&tasks=${t1.id}`);
    expect(assignments.results.map((r: { worker: string }) => r.worker).sort()).toEqual(["ann", "bo"]);
    expect(assignments.results[0].file).toMatchObject({ file_name_original: "1.png" });
    expect(assignments.results[0]).not.toHaveProperty("files");

    const signed = new URL(assignments.results[0].file.url);
    expect(signed.origin).toBe(hubUrl());
    expect(signed.pathname.endsWith("/1.png")).toBe(true);
    const file = await fetch(signed);
    expect(file.status).toBe(200);
    expect(sha256(Buffer.from(await file.arrayBuffer()))).toBe(sha256(a.images[0]));
    const altered = (change: (u: URL) => void) => {
      const u = new URL(signed);
      change(u);
      return fetch(u);
    };
    const tampered = await altered((u) => u.searchParams.set("signature", `${u.searchParams.get("signature")!.slice(0, -2)}xx`));
    expect([tampered.status, (await tampered.json()).code]).toEqual([403, "share_invalid"]);
    const stretched = await altered((u) => u.searchParams.set("expires", String(Number(u.searchParams.get("expires")) + 3600)));
    expect([stretched.status, (await stretched.json()).code]).toEqual([403, "share_invalid"]);
    const otherFile = await altered((u) => (u.pathname = u.pathname.replace(/project-files\/\d+/, `project-files/${Number(u.pathname.split("/")[4]) + 1}`)));
    expect(otherFile.status).toBe(403);
    const expired = await altered((u) => u.searchParams.set("expires", String(Math.floor(Date.now() / 1000) - 10)));
    expect([expired.status, (await expired.json()).code]).toEqual([403, "share_expired"]);

    const events = await json(`/sdk/ground_truth_events/?ground_truth_dataset_versions=${a.version}&ordering=-pgh_id&pagination=cursor&category=circle`);
    expect(events.results.map((e: { category: string }) => e.category)).toEqual(["circle", "circle"]);
    expect(events.results[0]).toMatchObject({ pgh_id: events.results[0].id, ground_truth_dataset_version: a.version });
    expect((await json(`/sdk/ground_truth_events/?ground_truth_dataset_versions=${a.version}&page_size=1`)).count).toBe(3);
    expect(await json(`/ground_truth_dataset_versions/${a.version}/`)).toMatchObject({ id: a.version, project: a.id, count_events: 3 });
    expect(await json(`/v2/ground-truth-datasets/${a.id}/`)).toEqual({ id: a.id, name: "Export A", tenant_id: 1, project_id: a.id, description: "" });
    expect(await json(`/projects/${a.id}/`)).toMatchObject({ id: a.id, name: "Export A", configuration: { classes: ["circle", "square"] } });
  });

  it("refuse a filter they do not apply, bad values, a missing project, and callers without an account", async () => {
    for (const [query, code, status] of [
      [`/sdk/tasks/?project=${a.id}&has_data=true`, "unsupported_filter", 400],
      [`/sdk/assignments/?project=${a.id}&workshops=1`, "unsupported_filter", 400],
      [`/sdk/ground_truth_events/?ground_truth_dataset_versions=${a.version}&project=${a.id}`, "unsupported_filter", 400],
      [`/sdk/tasks/?project=${a.id}&id__in=1,x`, "validation_failed", 422],
      [`/sdk/assignments/?expand=data`, "validation_failed", 422],
      [`/sdk/tasks/?project=999999`, "project_not_found", 404],
    ] as const) {
      const response = await get(query);
      const body = await response.json();
      expect([query, response.status, body.code]).toEqual([query, status, code]);
    }
    expect((await get(`/sdk/tasks/?project=${a.id}&has_data=true`).then((r) => r.json())).detail).toContain("Supported:");
    expect((await get(`/sdk/tasks/?project=${a.id}`, {})).status).toBe(401);
    expect((await get(`/projects/${a.id}/`, {})).status).toBe(401);
  });

  it("answer storage 1 to an account without a location, and no other storage", async () => {
    expect(await json(`/storages/1/?with_configuration=true`)).toEqual({
      id: 1,
      name: "hub",
      category: "internal",
      provider: "file_system",
      configuration: {},
      is_default: true,
    });
    expect((await get(`/storages/2/?with_configuration=true`)).status).toBe(404);
  });
});

// A run's token, from inside a real run: it reads the project its params name and nothing else.
const SCOPED = `import urllib.request, urllib.error
host = os.environ["SYNAPSE_HOST"].rstrip("/")
token = os.environ["SYNAPSE_ACCESS_TOKEN"]
def call(path, method="GET"):
    req = urllib.request.Request(host + path, method=method, data=b'{"purpose": "write"}' if method == "POST" else None,
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req) as r:
            return [r.status, json.loads(r.read())]
    except urllib.error.HTTPError as e:
        return [e.code, json.loads(e.read() or b"null")]
own, other, vb = params["filter"]["project"], params["other"], params["other_version"]
storage = call("/storages/1/session/", "POST")
location = storage[1]["configuration"]["location"]
os.makedirs(os.path.join(location, "out"), exist_ok=True)
with open(os.path.join(location, "out", "hello.json"), "w") as f:
    f.write('{"hello": 1}')
os.symlink("/etc/hostname", os.path.join(location, "out", "link.txt"))
return {
    "own": call(f"/sdk/tasks/?project={own}&pagination=cursor&page_size=1")[0],
    "own_next": call(f"/sdk/tasks/?project={own}&pagination=cursor&page_size=1")[1]["next"].startswith(host),
    "own_project": call(f"/projects/{own}/")[0],
    "other": call(f"/sdk/tasks/?project={other}")[0],
    "other_assignments": call(f"/sdk/assignments/?project={other}")[0],
    "other_project": call(f"/projects/{other}/")[0],
    "other_events": call(f"/sdk/ground_truth_events/?ground_truth_dataset_versions={vb}")[0],
    "other_version": call(f"/ground_truth_dataset_versions/{vb}/")[0],
    "storage": [storage[0], storage[1]["provider"], storage[1]["contract_version"], location.endswith("/storage")],
}`;

describe("a run's token", () => {
  it("reads only the project its params name; what it writes to storage 1 becomes its artifacts (a symlink is listed failed)", async () => {
    const code = await publishRunnable({ export: { body: SCOPED } }, "scoped");
    const run = await waitForRun(
      (await launchOk({ plugin: code, action: "export", params: { filter: { project: a.id }, other: b.id, other_version: b.version } })).id,
    );
    expect(run.status, JSON.stringify(run)).toBe("succeeded");
    expect(run.result).toEqual({
      own: 200,
      own_next: true,
      own_project: 200,
      other: 403,
      other_assignments: 403,
      other_project: 403,
      other_events: 403,
      other_version: 403,
      storage: [200, "file_system", 1, true],
    });
    const list = await json(`/api/v1/runs/${run.id}/artifacts`);
    expect(list.items.map((i: { path: string; status: string }) => [i.path, i.status])).toEqual([
      ["out/hello.json", "uploaded"],
      ["out/link.txt", "failed"],
    ]);
    const hello = await get(`/api/v1/runs/${run.id}/artifacts/out/hello.json`);
    expect(await hello.text()).toBe('{"hello": 1}');
  });
});

describe("an export plugin on the real Synapse SDK", () => {
  it(
    "runs for each target on an imported project; its files are the run's artifacts and match the project; the zip downloads",
    { timeout: 900_000 },
    async () => {
      const fixture = path.resolve("tests/fixtures/sdk-exporter");
      const code = uniqueCode("sdk-export");
      const files: Record<string, string> = {};
      // publishFiles adds its own README.md.
      for (const name of ["config.yaml", "requirements.txt", "plugin/__init__.py", "plugin/export.py"]) {
        files[name] = readFileSync(path.join(fixture, name), "utf8");
      }
      files["config.yaml"] = files["config.yaml"].replace("code: sdk-exporter", `code: ${code}`);
      await publishFiles(code, files);

      const targets = [
        { target: "assignment", filter: { project: a.id }, items: a.items.assignment, classes: ["circle", "square"] },
        { target: "task", filter: { project: a.id }, items: a.items.task, classes: ["circle", "square"] },
        // Ground truth names its dataset version, not a project (the SDK's singular spelling).
        { target: "ground_truth", filter: { ground_truth_dataset_version: a.version }, items: a.items.ground_truth, classes: ["circle", "square"] },
      ];
      for (const { target, filter, items, classes } of targets) {
        const name = `export-${target}`;
        const params = { name, storage: 1, path: "/", target, filter, save_original_file: true };
        const launched = await launchOk({ plugin: code, action: "export", params });
        const run = await waitForRun(launched.id, undefined, target === "assignment" ? 600_000 : 180_000);
        const events = await allEvents(run.id);
        expect(run.status, `${target}: ${run.error}\n${logMessages(events).slice(-40).join("\n")}`).toBe("succeeded");
        expect(run.result).toMatchObject({ total_count: items.length, exported_count: items.length, failed_count: 0 });

        const list = await json(`/api/v1/runs/${run.id}/artifacts`);
        const paths: string[] = list.items.map((i: { path: string }) => i.path);
        expect(list.summary.failed).toBe(0);
        expect(paths.filter((p) => p.startsWith(`${name}/labels/`)).length).toBe(items.length);
        expect(paths.filter((p) => p.startsWith(`${name}/origin_files/`)).length).toBe(items.length);
        expect(paths).toContain(`${name}/manifest.json`);
        const stored = logMessages(events).find((line) => line.startsWith("Stored "));
        expect(stored).toMatch(new RegExp(`^Stored ${paths.length} file\\(s\\) of the run's output`));
        console.log(`${target}: ${stored}`);

        // The zip holds the same files; their contents are the project's.
        const zip = await get(`/api/v1/runs/${run.id}/archive`);
        expect(zip.status).toBe(200);
        const dir = mkdtempSync(path.join(os.tmpdir(), "sdk-export-it-"));
        writeFileSync(path.join(dir, "r.zip"), Buffer.from(await zip.arrayBuffer()));
        execFileSync("unzip", ["-q", "r.zip", "-d", "out"], { cwd: dir });
        const root = path.join(dir, "out", name);
        const manifest = JSON.parse(readFileSync(path.join(root, "manifest.json"), "utf8"));
        expect(manifest.ids.sort()).toEqual(items.map((i) => i.id).sort());
        expect(manifest.count).toBe(items.length);
        // The project configuration reached the exporter (for ground truth through version → dataset → project).
        expect(manifest.classes).toEqual(classes);
        const labels = readdirSync(path.join(root, "labels")).map((f) => JSON.parse(readFileSync(path.join(root, "labels", f), "utf8")));
        expect(labels.map((l) => l.id).sort()).toEqual(items.map((i) => i.id).sort());
        for (const label of labels) expect(label.annotation).toEqual(items.find((i) => i.id === label.id)!.data);
        const originals = readdirSync(path.join(root, "origin_files")).map((f) => sha256(readFileSync(path.join(root, "origin_files", f))));
        const expected = items.map((i) => sha256(a.images[Number(i.taskKey.slice(1)) - 1]));
        expect(originals.sort()).toEqual(expected.sort());
      }

      // A filter the SDK lets through but the hub does not apply fails the export, instead of exporting the whole project.
      const params = { name: "narrowed", storage: 1, path: "/", target: "assignment", filter: { project: a.id, workshop: 1 }, save_original_file: false };
      const refused = await waitForRun((await launchOk({ plugin: code, action: "export", params })).id, undefined, 180_000);
      const said = `${refused.error}\n${logMessages(await allEvents(refused.id)).join("\n")}`;
      expect(refused.status, said).toBe("failed");
      expect(said).toMatch(/workshop/);
      const left = await json(`/api/v1/runs/${refused.id}/artifacts`);
      expect(left.items.filter((i: { path: string }) => i.path.includes("/labels/"))).toEqual([]);
    },
  );
});
