// The example exporter on the hub's own runtime, over a real imported project: it reads the hub's
// Synapse lists page by page, downloads the originals from their signed URLs, writes its output
// folder, and every file is uploaded as the run's artifact before the run ends.
import { beforeAll, describe, expect, it } from "vitest";
import { authHeaders, hubUrl, sha256 } from "../helpers/hub";
import { allEvents, launch, launchOk, logMessages, waitForRun } from "../helpers/runs";
import { buildZip } from "../helpers/zip-builder";

const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
type Item = { id: number; taskKey: string; data: unknown };
type Project = { id: number; version: number; images: Buffer[]; items: Record<"task" | "assignment" | "ground_truth", Item[]> };

async function importProject(): Promise<Project> {
  const images = Array.from({ length: 4 }, (_, i) => Buffer.from(`image ${i + 1} ${process.pid} ${Date.now()}`));
  const zip = buildZip([
    { name: "p/project.json", data: JSON.stringify({ name: "Runtime export" }) },
    { name: "p/tasks.jsonl", data: jsonl(images.map((_, i) => ({ key: `t${i + 1}`, data: { n: i + 1 }, files: { image: `images/${i + 1}.png` } }))) },
    {
      name: "p/assignments.jsonl",
      data: jsonl([1, 1, 2, 3, 4].map((t, i) => ({ task: `t${t}`, worker: `w${i}`, status: "submitted", data: { boxes: [[i, i, 4, 4]] } }))),
    },
    { name: "p/ground_truth.jsonl", data: jsonl([1, 2, 3].map((t) => ({ version: "v1", task: `t${t}`, category: "circle", data: { label: "circle", t } }))) },
    ...images.map((data, i) => ({ name: `p/images/${i + 1}.png`, data })),
  ]);
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(zip)]), "p.zip");
  const created = await fetch(`${hubUrl()}/api/v1/projects`, { method: "POST", body: form, headers: authHeaders() });
  expect(created.status, await created.clone().text()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const get = async (path: string) => (await fetch(`${hubUrl()}${path}`, { headers: authHeaders() })).json();
  const detail = (await get(`/api/v1/projects/${id}`)) as { groundTruthVersions: { id: number }[] };
  const items = async (kind: string) => ((await get(`/api/v1/projects/${id}/items?kind=${kind}&limit=100`)) as { items: Item[] }).items;
  return {
    id,
    version: detail.groundTruthVersions[0].id,
    images,
    items: { task: await items("task"), assignment: await items("assignment"), ground_truth: await items("ground_truth") },
  };
}

let project: Project;
beforeAll(async () => {
  project = await importProject();
}, 120_000);

describe("dataset-exporter on the hub's runtime", () => {
  it.each(["assignment", "task", "ground_truth"] as const)(
    "exports %s: every item in the data file, each original once, all listed as uploaded",
    { timeout: 240_000 },
    async (target) => {
      const filter = target === "ground_truth" ? { ground_truth_dataset_version: project.version } : { project: project.id };
      const params = { name: `rt-${target}`, storage: 1, path: "/", target, filter, format: "jsonl", save_original_file: true };
      const run = await waitForRun((await launchOk({ plugin: "dataset-exporter", action: "export", params })).id, undefined, 180_000);
      expect(
        run.status,
        `${run.error}\n${logMessages(await allEvents(run.id))
          .slice(-20)
          .join("\n")}`,
      ).toBe("succeeded");
      const items = project.items[target];
      expect(run.result).toMatchObject({ count: items.length, failed_originals: 0 });
      expect(run.progress?.steps.export?.percent).toBe(100);

      const list = (await (await fetch(`${hubUrl()}/api/v1/runs/${run.id}/artifacts`, { headers: authHeaders() })).json()) as {
        items: { path: string; status: string }[];
      };
      const tasks = new Set(items.map((i) => i.taskKey));
      expect(list.items.every((i) => i.status === "uploaded")).toBe(true);
      expect(list.items.map((i) => i.path).sort()).toEqual(
        [`rt-${target}/${target}.jsonl`, `rt-${target}/manifest.json`, ...[...tasks].map((key) => `rt-${target}/origin_files/${key.slice(1)}.png`)].sort(),
      );
      const manifest = await (await fetch(`${hubUrl()}/api/v1/runs/${run.id}/artifacts/rt-${target}/manifest.json`, { headers: authHeaders() })).json();
      expect(manifest).toMatchObject({ target, count: items.length, files: [`rt-${target}/${target}.jsonl`] });
      const data = await (await fetch(`${hubUrl()}/api/v1/runs/${run.id}/artifacts/rt-${target}/${target}.jsonl`, { headers: authHeaders() })).text();
      const records = data
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { id: number; data: unknown; original: string });
      expect(records.map((r) => r.id)).toEqual(items.map((i) => i.id).sort((a, b) => a - b));
      for (const record of records) expect(record.data).toEqual(items.find((i) => i.id === record.id)!.data);
      const original = await fetch(`${hubUrl()}/api/v1/runs/${run.id}/artifacts/rt-${target}/origin_files/1.png`, { headers: authHeaders() });
      expect(sha256(Buffer.from(await original.arrayBuffer()))).toBe(sha256(project.images[0]));
    },
  );

  it("refuses at launch an export whose name or path would write outside the run's storage", async () => {
    for (const [over, field] of [
      [{ name: ".." }, "name"],
      [{ name: "../../plugins" }, "name"],
      [{ path: "/../.." }, "path"],
    ] as [Record<string, string>, string][]) {
      const params = { name: "ok", storage: 1, path: "/", target: "task", filter: { project: project.id }, ...over };
      const response = await launch({ plugin: "dataset-exporter", action: "export", params });
      expect(response.status, JSON.stringify(over)).toBe(422);
      const problem = await response.json();
      expect(problem.code).toBe("params_invalid");
      expect(problem.errors.map((e: { path: string }) => e.path)).toEqual([field]);
    }
  });
});
