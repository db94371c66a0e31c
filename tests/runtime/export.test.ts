// An export's data and a run's files: items read lazily, page by page, from the hub's Synapse lists;
// originals downloaded on demand; every file of the run uploaded (streamed, sha256, retried) before
// the run's end is reported.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checksArtifacts, pagedList, startFakeHub, type FakeHub, type Recorded, type Responder } from "./fake-hub";
import { JOB_ID, removeRunFolders, run, TOKEN } from "./run-runtime";

let hub: FakeHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  removeRunFolders();
});

const task = (n: number) => ({
  id: n,
  project: 3,
  key: `t${n}`,
  data: { n },
  data_unit: { id: n, files: { image: { url: `{origin}/api/v1/project-files/${n}/${n}.png?signature=s`, file_name_original: `${n}.png`, is_primary: true } } },
});
const lists = (tasks = 250): Responder => {
  const serve = pagedList("/sdk/tasks/", tasks, task);
  return (req) => serve(req) ?? { status: 200 };
};
const gets = (hub: FakeHub, route: string) =>
  hub.requests.filter((r) => r.method === "GET" && r.path.startsWith(route)).map((r) => new URL(r.path, "http://x"));
const final = (hub: FakeHub) => hub.patches().at(-1) ?? {};
const warnings = (hub: FakeHub) =>
  hub
    .logs()
    .filter((l) => l.level === "warning")
    .map((l) => String(l.data.content));

// Each test runs real Python processes: on a loaded machine one can take longer than the default 5 s.
describe("export items", { timeout: 30_000 }, () => {
  it("reads every item page by page with cursor links, the count from one probe, the filter in the query", async () => {
    hub = await startFakeHub(lists(250));
    const finished = await run({
      entrypoint: "probe.exports:read_items",
      params: { target: "task", filter: { project: 3, id__in: [1, 2, 300] } },
      hub: hub.url,
    });
    expect(finished.code, finished.stderr).toBe(0);
    const result = final(hub).result as { count: number; ids: number[]; files: string[] };
    expect(result.count).toBe(250);
    expect(result.ids).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(result.files.slice(0, 2)).toEqual(["1.png", "2.png"]);
    // The count is asked once, when the action reads it (here after the loop), as a one-item page.
    const [probe, ...others] = gets(hub, "/sdk/tasks/").filter((u) => u.searchParams.get("page_size") === "1");
    expect(others).toEqual([]);
    const pages = gets(hub, "/sdk/tasks/").filter((u) => u !== probe && u.searchParams.get("page_size") !== "1");
    expect(Object.fromEntries(probe.searchParams)).toEqual({ project: "3", id__in: "1,2,300", page_size: "1" });
    expect(pages.map((p) => p.searchParams.get("cursor"))).toEqual([null, "100", "200"]);
    expect(pages.every((p) => p.searchParams.get("pagination") === "cursor" && p.searchParams.get("page_size") === "100")).toBe(true);
    expect(hub.requests.every((r) => r.authorization === `Token ${TOKEN}`)).toBe(true);
  });

  it("fetches the next page only when the previous one is consumed", async () => {
    hub = await startFakeHub(lists(1000));
    const finished = await run({
      entrypoint: "probe.exports:read_items",
      params: { target: "task", filter: { project: 3 }, take: 150, page_size: 50 },
      hub: hub.url,
    });
    expect(finished.code, finished.stderr).toBe(0);
    expect((final(hub).result as { ids: number[] }).ids).toHaveLength(150);
    // Pages 1–3 of 50, then the count probe: nothing past what the action read.
    expect(gets(hub, "/sdk/tasks/").map((p) => [p.searchParams.get("page_size"), p.searchParams.get("cursor")])).toEqual([
      ["50", null],
      ["50", "50"],
      ["50", "100"],
      ["1", null],
    ]);
  });

  it("asks the ground-truth list by the plural version filter, as the SDK does", async () => {
    const serve = pagedList("/sdk/ground_truth_events/", 3, (n) => ({ id: n, task: n, category: "circle", data: {}, data_unit: { id: n, files: {} } }));
    hub = await startFakeHub((req) => serve(req) ?? { status: 200 });
    const finished = await run({
      entrypoint: "probe.exports:read_items",
      params: { target: "ground_truth", filter: { ground_truth_dataset_version: 2 } },
      hub: hub.url,
    });
    expect(finished.code, finished.stderr).toBe(0);
    expect(final(hub).result).toMatchObject({ count: 3, ids: [1, 2, 3] });
    expect(gets(hub, "/sdk/ground_truth_events/").every((u) => u.searchParams.get("ground_truth_dataset_versions") === "2")).toBe(true);
  });

  it("retries a page the hub answers 503, and fails the run with the hub's words for a 400", async () => {
    let failures = 2;
    const serve = pagedList("/sdk/tasks/", 120, task);
    hub = await startFakeHub((req) => {
      if (req.path.includes("cursor=100") && failures-- > 0) return { status: 503 };
      return serve(req) ?? { status: 200 };
    });
    const retried = await run({ entrypoint: "probe.exports:read_items", params: { target: "task", filter: { project: 3 } }, hub: hub.url });
    expect(retried.code, retried.stderr).toBe(0);
    expect((final(hub).result as { ids: number[] }).ids).toHaveLength(120);
    await hub.close();

    hub = await startFakeHub((req) =>
      req.path.startsWith("/sdk/") ? { status: 400, body: { code: "unsupported_filter", detail: "The filter zzz is not supported." } } : { status: 200 },
    );
    const refused = await run({ entrypoint: "probe.exports:read_items", params: { target: "task", filter: { project: 3, zzz: 1 } }, hub: hub.url });
    expect(refused.code).toBe(1);
    expect(final(hub)).toEqual({
      status: "FAILED",
      result: { error: "ExportError: GET /sdk/tasks/ failed: HTTP 400 unsupported_filter: The filter zzz is not supported." },
    });
  });

  it("refuses a target without its filter before asking the hub", async () => {
    hub = await startFakeHub();
    const finished = await run({ entrypoint: "probe.exports:read_items", params: { target: "assignment", filter: {} }, hub: hub.url });
    expect(finished.code).toBe(1);
    expect(final(hub)).toMatchObject({ status: "FAILED", result: { error: "ValueError: an export of assignment needs filter.project" } });
    expect(gets(hub, "/sdk/")).toEqual([]);
  });
});

describe("original files", { timeout: 30_000 }, () => {
  const files: Responder = (req) => {
    const match = /^\/api\/v1\/project-files\/(\d+)\//.exec(req.path);
    if (match)
      return Number(match[1]) === 2 ? { status: 403, body: { code: "share_expired", detail: "expired" } } : { status: 200, body: `bytes of ${match[1]}` };
    return lists(3)(req, 0);
  };

  it("are downloaded on demand, without the run token; one that fails raises for that item only", async () => {
    hub = await startFakeHub(files);
    const finished = await run({ entrypoint: "probe.exports:originals", params: { target: "task", filter: { project: 3 } }, hub: hub.url });
    expect(finished.code, finished.stderr).toBe(0);
    const result = final(hub).result as { saved: string[][]; failed: string[] };
    expect(result.saved).toEqual([
      ["1.png", "bytes of 1"],
      ["3.png", "bytes of 3"],
    ]);
    expect(result.failed).toEqual([expect.stringMatching(/^OriginalFileError: cannot download the original 2\.png of item 2: HTTP 403/)]);
    expect(hub.requests.filter((r) => r.path.startsWith("/api/v1/project-files/")).every((r) => r.authorization === undefined)).toBe(true);
  });

  it("saved into the output folder become artifacts", async () => {
    hub = await startFakeHub(checksArtifacts(files));
    const finished = await run({ entrypoint: "probe.exports:originals", params: { target: "task", filter: { project: 3 }, into_output: true }, hub: hub.url });
    expect(finished.code, finished.stderr).toBe(0);
    expect([...hub.artifacts()].map(([name, a]) => [name, a.bytes.toString()])).toEqual([
      ["origin_files/1.png", "bytes of 1"],
      ["origin_files/3.png", "bytes of 3"],
    ]);
  });
});

describe("artifact uploads", { timeout: 30_000 }, () => {
  const sha = (text: string) => createHash("sha256").update(text).digest("hex");
  const puts = (hub: FakeHub) => hub.requests.filter((r) => r.method === "PUT");
  const endIndex = (hub: FakeHub) => hub.requests.findIndex((r: Recorded) => /SUCCEEDED|FAILED/.test(String((r.body as { status?: string })?.status)));

  it("uploads save_artifact's file at its sub-path and the output folder's files, all before the end is reported", async () => {
    hub = await startFakeHub(checksArtifacts());
    const finished = await run({ entrypoint: "probe.exports:files", params: { outputs: 2 }, hub: hub.url });
    expect(finished.code, finished.stderr).toBe(0);
    expect(final(hub)).toMatchObject({ status: "SUCCEEDED", result: { stored: "data/part-1.jsonl" } });
    const uploaded = hub.artifacts();
    expect([...uploaded.keys()].sort()).toEqual(["data/part-1.jsonl", "labels/0.json", "labels/1.json"]);
    expect(uploaded.get("data/part-1.jsonl")).toEqual({ bytes: Buffer.from('{"n": 1}\n'), sha256: sha('{"n": 1}\n') });
    expect(uploaded.get("labels/1.json")?.bytes.toString()).toBe('{"label": 1}');
    // Each file once, each before the final PATCH.
    expect(puts(hub)).toHaveLength(3);
    expect(puts(hub).every((r) => hub!.requests.indexOf(r) < endIndex(hub!))).toBe(true);
    expect(puts(hub).every((r) => r.path.startsWith(`/api/v1/runs/${JOB_ID}/artifacts/`) && r.authorization === `Token ${TOKEN}`)).toBe(true);
  });

  it("retries an upload the hub answers 503, sending the whole file again", async () => {
    let refusals = 0;
    hub = await startFakeHub(checksArtifacts((req) => (req.method === "PUT" && refusals++ < 3 ? { status: 503 } : { status: 200 })));
    const finished = await run({ entrypoint: "probe.exports:files", params: { outputs: 0 }, hub: hub.url });
    expect(finished.code, finished.stderr).toBe(0);
    expect(puts(hub).length).toBe(4);
    expect([...hub.artifacts().keys()]).toEqual(["data/part-1.jsonl"]);
    expect(finished.stderr).toMatch(/PUT \/api\/v1\/runs\/.+\/artifacts\/data\/part-1\.jsonl delivered after 3 retries/);
  });

  it("reports a refused upload (4xx) as a warning, does not retry it, and the run still succeeds", async () => {
    hub = await startFakeHub((req) =>
      req.method === "PUT" && req.path.endsWith("labels/0.json")
        ? { status: 413, body: { code: "artifact_too_large", detail: "The file is larger than the limit." } }
        : { status: 200 },
    );
    const finished = await run({ entrypoint: "probe.exports:files", params: { outputs: 2 }, hub: hub.url });
    expect(finished.code, finished.stderr).toBe(0);
    expect(final(hub)).toMatchObject({ status: "SUCCEEDED" });
    expect(puts(hub).filter((r) => r.path.endsWith("labels/0.json"))).toHaveLength(1);
    expect([...hub.artifacts().keys()].sort()).toEqual(["data/part-1.jsonl", "labels/1.json"]);
    expect(warnings(hub)).toEqual(["The hub refused the artifact labels/0.json (HTTP 413): The file is larger than the limit."]);
  });

  it("uploads every file of a plugin that saves more than the queue holds, once each", async () => {
    hub = await startFakeHub(checksArtifacts());
    const finished = await run({ entrypoint: "probe.exports:files", params: { outputs: 0, saves: 150 }, hub: hub.url });
    expect(finished.code, finished.stderr).toBe(0);
    expect(hub.artifacts().size).toBe(151);
    expect(puts(hub)).toHaveLength(151);
  });

  it("with a hub that never takes uploads, the run still ends within the exit deadline, saying what was not uploaded", async () => {
    hub = await startFakeHub((req) => (req.method === "PUT" ? { status: 503 } : { status: 200 }));
    const finished = await run({
      entrypoint: "probe.exports:files",
      params: { outputs: 5, saves: 100 },
      hub: hub.url,
      env: { SYNAPSE_RUNTIME_EXIT_DEADLINE: "2" },
    });
    expect(finished.code).toBe(0);
    expect(final(hub)).toMatchObject({ status: "SUCCEEDED" });
    expect(finished.ms).toBeLessThan(8_000);
    expect(finished.stderr).toMatch(/106 files were not uploaded: /);
  });

  it("refuses an artifact name that climbs out of the folder, in the plugin's own call", async () => {
    hub = await startFakeHub();
    const finished = await run({ entrypoint: "probe.exports:files", params: { outputs: 0, bad_name: "../escape.txt" }, hub: hub.url });
    expect(finished.code).toBe(0);
    expect((final(hub).result as { refused: string }).refused).toBe(
      "an artifact name must be a relative path without empty, . or .. parts, got '../escape.txt'",
    );
    expect(existsSync(path.join(finished.artifacts, "..", "escape.txt"))).toBe(false);
  });

  it("without a hub, keeps the files in the folder and only says so on the console", async () => {
    const finished = await run({ entrypoint: "probe.exports:files", params: { outputs: 1 } });
    expect(finished.code).toBe(0);
    expect(readFileSync(path.join(finished.artifacts, "data", "part-1.jsonl"), "utf8")).toBe('{"n": 1}\n');
    expect(readFileSync(path.join(finished.artifacts, "labels", "0.json"), "utf8")).toBe('{"label": 0}');
    expect(finished.stdout).toMatch(/\[artifact\] \{"name": "data\/part-1\.jsonl", "size": 9, "sha256": "[0-9a-f]{64}"\}/);
  });
});
