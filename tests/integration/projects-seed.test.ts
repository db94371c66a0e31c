import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { importProject } from "@/lib/projects/import/import-project";
import { openImportSource } from "@/lib/projects/import/sources";
import { seedExampleProjectOnce } from "@/lib/projects/seed/seed-project";
import { EXAMPLE_PROJECT_NAME, writeExampleZip } from "@/lib/projects/seed/example-project";
import { authHeaders, hubUrl } from "../helpers/hub";

type Summary = { id: number; name: string; counts: Record<string, number> };
const get = async <T>(path: string) => (await (await fetch(`${hubUrl()}${path}`, { headers: authHeaders() })).json()) as T;
const projects = () => get<{ items: Summary[] }>("/api/v1/projects?limit=100").then((list) => list.items);

describe("the example project seed", () => {
  it("the hub imported it once on first start: its counts, ground-truth versions and PNG files", async () => {
    const seeded = (await projects()).filter((p) => p.name === EXAMPLE_PROJECT_NAME);
    expect(seeded).toHaveLength(1);
    expect(seeded[0].counts).toEqual({ tasks: 36, files: 36, assignments: 42, groundTruthVersions: 2, groundTruthEvents: 56 });
    const detail = await get<{ groundTruthVersions: { name: string; events: number }[]; assignmentStatuses: Record<string, number> }>(
      `/api/v1/projects/${seeded[0].id}`,
    );
    expect(detail.groundTruthVersions.map((v) => [v.name, v.events])).toEqual([
      ["v2", 32],
      ["v1", 24],
    ]);
    expect(Object.keys(detail.assignmentStatuses).sort()).toEqual(["approved", "in_progress", "pending", "rejected", "submitted"]);
    const page = await get<{ items: { data: { boxes: unknown[] }; files: { url: string; contentType: string }[] }[] }>(
      `/api/v1/projects/${seeded[0].id}/items?kind=ground_truth&limit=1`,
    );
    expect(page.items[0].data.boxes.length).toBeGreaterThan(0);
    const file = await fetch(`${hubUrl()}${page.items[0].files[0].url}`, { headers: authHeaders() });
    expect(file.headers.get("content-type")).toContain("image/png");
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(1, 4)
        .toString("latin1"),
    ).toBe("PNG");
  });

  it("two hubs seeding at the same moment import it once", async () => {
    // This process writes blobs where the test hub reads them.
    process.env.DATA_DIR = process.env.HUB_DATA_DIR;
    const marker = `example_project_seeded_test_${process.pid}_${Date.now()}`;
    const name = `Seed race ${marker}`;
    const results = await Promise.all([seedExampleProjectOnce({ marker, name }), seedExampleProjectOnce({ marker, name })]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await seedExampleProjectOnce({ marker, name })).toBeNull();
    const seeded = (await projects()).filter((p) => p.name === name);
    expect(seeded).toHaveLength(1);
    // The marker names the project it was committed with.
    expect((await db().hubMeta.findUnique({ where: { key: marker } }))?.value).toEqual({ projectId: seeded[0].id });
  });

  it("commits the project and the marker together: a marker that cannot be written leaves no project", async () => {
    process.env.DATA_DIR = process.env.HUB_DATA_DIR;
    const name = `Seed marker failure ${process.pid}_${Date.now()}`;
    const scratch = await mkdtemp(path.join(os.tmpdir(), "seed-marker-"));
    try {
      const file = path.join(scratch, "example.zip");
      await writeExampleZip(file, name);
      const source = await openImportSource(file, (await stat(file)).size);
      const failing = importProject(source, null, {
        beforeCommit: async (client) => {
          await client.query("INSERT INTO hub_meta (key, value) VALUES ($1, $2)", [`seed_marker_failure_${process.pid}`, "{}"]);
          throw new Error("the process died before the marker was written");
        },
      });
      await expect(failing).rejects.toThrow("the process died");
      await source.close();
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    expect((await projects()).filter((p) => p.name === name)).toHaveLength(0);
    expect(await db().hubMeta.findUnique({ where: { key: `seed_marker_failure_${process.pid}` } })).toBeNull();
  });

  it("downloads as an importable .zip without an account, and imports with the same counts", async () => {
    const download = await fetch(`${hubUrl()}/api/v1/projects/example`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("example-shapes.zip");
    const zip = await download.arrayBuffer();
    const form = new FormData();
    form.append("file", new Blob([zip]), "example-shapes.zip");
    const imported = await fetch(`${hubUrl()}/api/v1/projects`, { method: "POST", body: form, headers: authHeaders() });
    expect(imported.status).toBe(201);
    const { id } = (await imported.json()) as { id: number };
    expect((await get<Summary>(`/api/v1/projects/${id}`)).counts).toEqual({
      tasks: 36,
      files: 36,
      assignments: 42,
      groundTruthVersions: 2,
      groundTruthEvents: 56,
    });
  });
});
