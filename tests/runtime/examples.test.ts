// The example plugins run under the runtime as the hub's local backend will run them, and their
// configs still pass the registry's validation.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/registry/config/parse-config";
import { checksArtifacts, pagedList, startFakeHub, untilRunning, type FakeHub, type Responder } from "./fake-hub";
import { freePort, launch, removeRunFolders, run } from "./run-runtime";

const CLASSIFIER = path.resolve("examples/plugins/tiny-classifier");
const EXPORTER = path.resolve("examples/plugins/dataset-exporter");

let hub: FakeHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  removeRunFolders();
});

/** Launch options for one of an example's actions, as its config.yaml declares it. */
function action(folder: string, name: string) {
  const parsed = parseConfig(readFileSync(path.join(folder, "config.yaml"), "utf8"));
  if (!parsed.ok) throw new Error(`${folder}/config.yaml is invalid`);
  const { entrypoint, method } = parsed.config.actions[name];
  return { plugin: folder, entrypoint, method };
}

const events = (hub: FakeHub, event: string) => hub.logs().filter((l) => l.event === event);
type Trials = { base: string[]; trials: Record<string, Record<string, unknown>>; hyperparameters: string[]; metrics: string[]; best_trial: string | null };

describe("example plugins", () => {
  it.each([CLASSIFIER, EXPORTER])("%s has a config the registry accepts", (folder) => {
    const parsed = parseConfig(readFileSync(path.join(folder, "config.yaml"), "utf8"));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it("tiny-classifier train reports progress, metrics and a metric event per epoch, saves model.json and logs a picture", async () => {
    hub = await startFakeHub();
    const finished = await run({ ...action(CLASSIFIER, "train"), params: { epochs: 5, sleep_per_epoch: 0 }, hub: hub.url });
    expect(finished.code).toBe(0);
    const last = hub.patches().at(-1);
    expect(last).toMatchObject({ status: "SUCCEEDED", result: { val_accuracy: expect.any(Number) } });
    expect((last?.result as { val_accuracy: number }).val_accuracy).toBeGreaterThan(0.85);

    expect(events(hub, "metric").map((e) => e.data.value)).toEqual([1, 2, 3, 4, 5]);
    expect(events(hub, "metric")[0].data).toMatchObject({
      category: "train",
      key: "epoch",
      metrics: { loss: expect.any(Number), val_accuracy: expect.any(Number) },
    });
    const metrics = hub.patches().findLast((p) => p.metrics_record)?.metrics_record as { record: { steps: { train: Record<string, number> } } };
    expect(Object.keys(metrics.record.steps.train).sort()).toEqual(["accuracy", "loss", "val_accuracy"]);
    expect(hub.patches().findLast((p) => p.progress_record)?.progress_record).toMatchObject({ current_progress: { step: "train", percent: 100 } });

    const model = JSON.parse(readFileSync(path.join(finished.artifacts, "model.json"), "utf8"));
    expect(model.weights).toHaveLength(3);
    expect([...hub.artifacts().keys()]).toEqual(["model.json"]);
    const [picture] = events(hub, "visualization");
    expect(picture.data).toEqual({ category: "train", group: "validation", index: 0 });
    const png = Buffer.from(String(picture.file).replace(/^data:image\/png;base64,/, ""), "base64");
    expect(png.subarray(0, 8)).toEqual(Buffer.from("\x89PNG\r\n\x1a\n", "latin1"));
  });

  it("tiny-classifier tune reports trials as they start and finish, with the best trial marked", async () => {
    hub = await startFakeHub();
    const finished = await run({ ...action(CLASSIFIER, "tune"), params: { learning_rates: "0.001, 1", epochs: 5 }, hub: hub.url });
    expect(finished.code).toBe(0);
    const trials = events(hub, "trials").map((e) => e.data as Trials);
    expect(trials.map((t) => Object.values(t.trials).map((trial) => trial.status))).toEqual([
      ["RUNNING"],
      ["TERMINATED"],
      ["TERMINATED", "RUNNING"],
      ["TERMINATED", "TERMINATED"],
    ]);
    const final = trials.at(-1)!;
    expect(final).toMatchObject({ base: ["status", "epochs"], hyperparameters: ["learning_rate"], metrics: ["loss", "accuracy", "val_accuracy"] });
    expect(final.trials.trial_002).toMatchObject({ learning_rate: 1, epochs: 5, val_accuracy: expect.any(Number), loss: expect.any(Number) });
    // A learning rate of 1 beats 0.001 after five epochs: its loss is far lower.
    expect(final.best_trial).toBe("trial_002");
    expect(hub.patches().at(-1)).toMatchObject({ status: "SUCCEEDED", result: { best_trial: "trial_002", learning_rate: 1 } });
  });

  it("tiny-classifier test evaluates the given weights", async () => {
    hub = await startFakeHub();
    const finished = await run({ ...action(CLASSIFIER, "test"), params: { weights: "1, 1, 0", samples: 100 }, hub: hub.url });
    expect(finished.code).toBe(0);
    const result = hub.patches().at(-1)?.result as { accuracy: number; samples: number };
    expect(result.samples).toBe(100);
    expect(result.accuracy).toBeGreaterThan(0.9);
  });

  it("tiny-classifier train stops promptly when cancelled (SIGTERM) mid-run", async () => {
    hub = await startFakeHub();
    const job = launch({ ...action(CLASSIFIER, "train"), params: { epochs: 100, sleep_per_epoch: 1 }, hub: hub.url });
    await untilRunning(hub);
    const sentAt = Date.now();
    job.child.kill("SIGTERM");
    const finished = await job.done;
    expect(finished.code).toBe(143);
    expect(Date.now() - sentAt).toBeLessThan(5_000);
    expect(hub.patches().at(-1)).toMatchObject({ status: "STOPPED" });
  });

  it("tiny-classifier inference answers JSON predictions, and a bad request with 400", async () => {
    hub = await startFakeHub();
    const port = await freePort();
    const served = launch({
      ...action(CLASSIFIER, "inference"),
      hub: hub.url,
      env: { SYNAPSE_SERVE_PORT: String(port) },
    });
    await untilRunning(hub);
    const answer = await fetch(`http://127.0.0.1:${port}/predict`, {
      method: "POST",
      body: JSON.stringify({
        points: [
          [1, 1],
          [-1, -1],
        ],
      }),
    });
    expect(await answer.json()).toMatchObject({ labels: [1, 0] });
    const bad = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: JSON.stringify({ points: "nope" }) });
    expect(bad.status).toBe(400);
    served.child.kill("SIGTERM");
    expect((await served.done).code).toBe(0);
  });

  it("tiny-classifier gradio serves an interactive page whose links go through the hub's prefix", async () => {
    hub = await startFakeHub();
    const port = await freePort();
    const served = launch({
      ...action(CLASSIFIER, "gradio"),
      hub: hub.url,
      env: { SYNAPSE_SERVE_PORT: String(port), SYNAPSE_SERVE_PREFIX: "/serve/demo" },
    });
    await untilRunning(hub);
    const page = await (await fetch(`http://127.0.0.1:${port}/?x=1.5&y=2`)).text();
    expect(page).toContain('<form method="get" action="/serve/demo/">');
    expect(page).toMatch(/<output id="answer">Class 1 \(probability of class 1: 0\.9\d\d\)<\/output>/);
    const json = await fetch(`http://127.0.0.1:${port}/predict`, { method: "POST", body: JSON.stringify({ x: -2, y: -1 }) });
    expect(await json.json()).toMatchObject({ label: 0 });
    served.child.kill("SIGTERM");
    expect((await served.done).code).toBe(0);
  });

  const file = (n: number) => ({
    url: `{origin}/api/v1/project-files/${n}/${String(n).padStart(4, "0")}.png?signature=s`,
    file_name_original: `${String(n).padStart(4, "0")}.png`,
    is_primary: true,
  });
  const unit = (n: number) => ({ id: n, files: { image: file(n) } });
  // A project of 30 tasks, two assignments each, and a ground-truth version of 25 events.
  const project = [
    pagedList("/sdk/tasks/", 30, (n) => ({
      id: n,
      project: 3,
      key: `t${n}`,
      data: { image: `${n}.png` },
      created: "2026-12-03T10:00:00.000Z",
      data_unit: unit(n),
    })),
    pagedList("/sdk/assignments/", 60, (n) => {
      const t = Math.ceil(n / 2);
      return {
        id: n,
        project: 3,
        task: t,
        worker: `ann${n % 2}`,
        status: "submitted",
        data: { boxes: [[n, n, 4, 4]] },
        created: "2026-12-03T10:00:00.000Z",
        file: file(t),
        data_unit: unit(t),
      };
    }),
    pagedList("/sdk/ground_truth_events/", 25, (n) => ({
      id: n,
      pgh_id: n,
      ground_truth_dataset_version: 2,
      task: n,
      category: "circle",
      data: { label: "circle" },
      created: "2026-12-03T10:00:00.000Z",
      data_unit: unit(n),
    })),
  ];
  const projectHub: Responder = (req) => {
    const original = /^\/api\/v1\/project-files\/(\d+)\//.exec(req.path);
    // Task 7's original is gone: the export counts it and goes on.
    if (original) return Number(original[1]) === 7 ? { status: 404, body: { code: "not_found" } } : { status: 200, body: `png ${original[1]}` };
    for (const list of project) {
      const answer = list(req);
      if (answer) return answer;
    }
    return { status: 200 };
  };

  it.each([
    [{ target: "task", filter: { project: 3 }, format: "csv", save_original_file: true }, 30, "task.csv"],
    [{ target: "assignment", filter: { project: 3 }, format: "jsonl", save_original_file: true }, 60, "assignment.jsonl"],
    [{ target: "ground_truth", filter: { ground_truth_dataset_version: 2 }, format: "jsonl" }, 25, "ground_truth.jsonl"],
  ] as const)("dataset-exporter export %j writes every item and uploads its output folder", { timeout: 30_000 }, async (params, count, dataFile) => {
    hub = await startFakeHub(checksArtifacts(projectHub));
    const finished = await run({ ...action(EXPORTER, "export"), params: { name: "shapes", storage: 1, path: "/", ...params }, hub: hub.url });
    expect(finished.code, finished.stderr).toBe(0);
    const originals = "save_original_file" in params;
    expect(hub.patches().at(-1)).toMatchObject({
      status: "SUCCEEDED",
      result: { target: params.target, count, files: [`shapes/${dataFile}`], ...(originals ? { originals: 29, failed_originals: 1 } : {}) },
    });
    const uploaded = hub.artifacts();
    const lines = uploaded.get(`shapes/${dataFile}`)!.bytes.toString().trim().split("\n");
    expect(lines).toHaveLength(params.format === "csv" ? count + 1 : count);
    if (params.format === "csv") {
      expect(lines[0]).toBe("id,key,created,file,original,data");
      expect(lines[1]).toBe('1,t1,2026-12-03T10:00:00.000Z,0001.png,shapes/origin_files/0001.png,"{""image"": ""1.png""}"');
    } else {
      const first = JSON.parse(lines[0]);
      expect(first).toMatchObject({ id: 1, file: "0001.png", data: expect.any(Object) });
      if (params.target === "assignment")
        expect(first).toMatchObject({ task: 1, worker: "ann1", status: "submitted", original: "shapes/origin_files/0001.png" });
      if (params.target === "ground_truth") expect(first).toMatchObject({ task: 1, category: "circle", ground_truth_dataset_version: 2 });
    }
    // Originals once per file (two assignments share a task's), the missing one counted and logged.
    const saved = [...uploaded.keys()].filter((name) => name.startsWith("shapes/origin_files/"));
    expect(saved).toHaveLength(originals ? 29 : 0);
    if (originals) {
      expect(uploaded.get("shapes/origin_files/0003.png")?.bytes.toString()).toBe("png 3");
      expect(events(hub, "export_original_file").map((e) => e.data)).toEqual([
        expect.objectContaining({ file_name: "0007.png", status: "failed", error: expect.stringMatching(/HTTP 404/) }),
      ]);
    }
    expect(events(hub, "export_data_file")[0].data).toEqual({ name: `shapes/${dataFile}`, count, format: params.format });
    const progress = hub.patches().findLast((p) => p.progress_record)?.progress_record as { current_progress: { step: string; percent: number } };
    expect(progress.current_progress).toMatchObject({ step: "export", percent: 100 });
  });

  it("dataset-exporter export refuses a target without its filter, saying which key is missing", async () => {
    hub = await startFakeHub();
    const finished = await run({ ...action(EXPORTER, "export"), params: { name: "x", target: "ground_truth", filter: { project: 3 } }, hub: hub.url });
    expect(finished.code).toBe(1);
    expect(hub.patches().at(-1)).toEqual({
      status: "FAILED",
      result: { error: "ValueError: an export of ground_truth needs filter.ground_truth_dataset_version" },
    });
  });
});
