// The measured one: the example exporter over 50,000 items keeps the runtime's memory flat. The real
// runtime process runs dataset-exporter against the fake hub serving the items in pages; its peak RSS
// (VmHWM, read from /proc when it reports its end, after every page and upload) is compared with a
// 1,000-item run's. Holding the items, or an output file in memory, would grow it by tens of MB.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pagedList, startFakeHub, type FakeHub } from "./fake-hub";
import { launch, removeRunFolders } from "./run-runtime";

const EXPORTER = path.resolve("examples/plugins/dataset-exporter");
// Peak RSS growth allowed from 1,000 to 50,000 items. 50,000 rows of ~400 bytes are ~20 MB as JSON
// and far more as Python objects: anything that keeps them (or the output) stays above this.
const MAX_GROWTH_KB = 8 * 1024;

let hub: FakeHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  removeRunFolders();
});

const row = (n: number) => ({
  id: n,
  project: 3,
  task: n,
  worker: `annotator-${n % 17}`,
  status: "submitted",
  created: "2026-12-03T10:00:00.000Z",
  data: { boxes: [{ label: "circle", x: n % 640, y: n % 480, w: 32, h: 32 }], note: "x".repeat(120) },
  file: {
    url: `{origin}/api/v1/project-files/${n}/${n}.png?signature=abc`,
    file_name_original: `${n}.png`,
    is_primary: true,
    size: 1234,
    content_type: "image/png",
  },
});

/** Exports `count` assignments; the peak RSS (kB) the runtime reached, and the uploaded output's size. */
async function exportPeak(count: number) {
  let peakKb = 0;
  let pid = 0;
  const list = pagedList("/sdk/assignments/", count, row);
  hub = await startFakeHub((req) => {
    if (req.method === "PATCH" && (req.body as { status?: string })?.status === "SUCCEEDED") {
      // The process is alive, waiting for this answer: its high-water mark covers the whole run.
      peakKb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    }
    return list(req) ?? { status: 200 };
  });
  const job = launch({
    plugin: EXPORTER,
    entrypoint: "plugin.export:export",
    params: { name: "memory", target: "assignment", filter: { project: 3 }, format: "jsonl" },
    hub: hub.url,
  });
  pid = job.child.pid!;
  const finished = await job.done;
  expect(finished.code, finished.stderr).toBe(0);
  const output = hub.artifacts().get("memory/assignment.jsonl")!;
  const lines = output.bytes.toString().trimEnd().split("\n");
  expect(lines).toHaveLength(count);
  expect(JSON.parse(lines.at(-1)!).id).toBe(count);
  await hub.close();
  hub = undefined;
  return { peakKb, bytes: output.bytes.length, ms: finished.ms };
}

describe("export memory", () => {
  it("an export of 50,000 items peaks within a few MB of a 1,000-item one", { timeout: 240_000 }, async () => {
    const small = await exportPeak(1_000);
    const large = await exportPeak(50_000);
    const growth = large.peakKb - small.peakKb;
    console.log(
      `export memory: 1,000 items → peak RSS ${(small.peakKb / 1024).toFixed(1)} MiB (${small.ms} ms); ` +
        `50,000 items → ${(large.peakKb / 1024).toFixed(1)} MiB (${large.ms} ms, output ${(large.bytes / 2 ** 20).toFixed(1)} MiB uploaded); ` +
        `growth ${(growth / 1024).toFixed(1)} MiB (bound ${MAX_GROWTH_KB / 1024} MiB)`,
    );
    expect(small.peakKb).toBeGreaterThan(0);
    expect(growth).toBeLessThan(MAX_GROWTH_KB);
  });
});
