import { describe, expect, it } from "vitest";
import { authHeaders, hubUrl, sha256 } from "../helpers/hub";
import { buildZip } from "../helpers/zip-builder";

const png = (n: number) => Buffer.from(`not really a png ${n} ${process.pid} ${Date.now()}`);
const jsonl = (rows: unknown[]) => rows.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n") + "\n";

async function importFile(bytes: Buffer, name: string): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  return fetch(`${hubUrl()}/api/v1/projects`, { method: "POST", body: form, headers: authHeaders() });
}

const projectIds = async () =>
  ((await (await fetch(`${hubUrl()}/api/v1/projects?limit=100`, { headers: authHeaders() })).json()) as { items: { id: number }[] }).items.map((p) => p.id);

function projectZip(taskLines: unknown[], images: Buffer[]) {
  return buildZip([
    { name: "shapes/project.json", data: JSON.stringify({ name: "Import test", configuration: { classes: ["circle"] } }) },
    { name: "shapes/tasks.jsonl", data: jsonl(taskLines), deflate: true },
    { name: "shapes/assignments.jsonl", data: jsonl([{ task: "t1", worker: "ann", status: "submitted", data: { boxes: [[1, 2, 3, 4]] } }]) },
    { name: "shapes/ground_truth.jsonl", data: jsonl([{ version: "v1", task: "t1", category: "circle", data: { boxes: [[1, 2, 3, 4]] } }]) },
    ...images.map((data, i) => ({ name: `shapes/images/${i + 1}.png`, data })),
  ]);
}

describe("project import", () => {
  it("imports a zip: counts, items with their files, the file's bytes", async () => {
    const images = [png(1), png(2)];
    const response = await importFile(
      projectZip(
        [
          { key: "t1", data: { w: 8 }, files: { image: "images/1.png" } },
          { key: "t2", files: { image: { path: "images/2.png", primary: true } } },
        ],
        images,
      ),
      "p.zip",
    );
    expect(response.status, await response.clone().text()).toBe(201);
    const created = (await response.json()) as { id: number; counts: Record<string, number> };
    expect(created.counts).toEqual({ tasks: 2, files: 2, assignments: 1, groundTruthVersions: 1, groundTruthEvents: 1 });
    const detail = await (await fetch(`${hubUrl()}/api/v1/projects/${created.id}`, { headers: authHeaders() })).json();
    expect(detail.groundTruthVersions[0]).toMatchObject({ name: "v1", events: 1 });
    const page = await (await fetch(`${hubUrl()}/api/v1/projects/${created.id}/items?kind=task`, { headers: authHeaders() })).json();
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({ taskKey: "t1", data: { w: 8 } });
    const file = await fetch(`${hubUrl()}${page.items[1].files[0].url}`, { headers: authHeaders() });
    expect(sha256(Buffer.from(await file.arrayBuffer()))).toBe(sha256(images[1]));
  });

  it("a bad line in the middle changes nothing and every error names its file and line", async () => {
    const before = await projectIds();
    const response = await importFile(
      projectZip([{ key: "t1", files: { image: "images/1.png" } }, "{not json", { key: "t3", files: { image: "images/9.png" } }, { key: "t1" }], [png(3)]),
      "bad.zip",
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as { code: string; errors: { file: string; line: number; path: string }[] };
    expect(body.code).toBe("import_invalid");
    expect(body.errors.map((e) => `${e.file}:${e.line}:${e.path}`)).toEqual(["tasks.jsonl:2:(line)", "tasks.jsonl:3:files.image", "tasks.jsonl:4:key"]);
    expect(await projectIds()).toEqual(before);
  });

  it("imports a single .jsonl with inline files", async () => {
    const bytes = png(4);
    const lines = jsonl([
      { type: "project", name: "Inline" },
      { type: "task", key: "a", files: { image: { data: `data:image/png;base64,${bytes.toString("base64")}`, name: "a.png" } } },
      { type: "assignment", task: "a", worker: "bo", status: "approved" },
    ]);
    const response = await importFile(Buffer.from(lines), "p.jsonl");
    expect(response.status, await response.clone().text()).toBe(201);
    expect(((await response.json()) as { counts: object }).counts).toMatchObject({ tasks: 1, files: 1, assignments: 1 });
  });
});
