// A run's output folder on the hub's disk taken in as its artifacts (storage 1 of an SDK export):
// symlinks, FIFOs and folders that cannot be read are listed failed and never followed or waited
// on, names that cannot be artifact paths are counted, the folder goes, and a finished run's token
// cannot open storage 1 again.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { authHeaders, hubUrl } from "../helpers/hub";
import { getRun, launchOk, publishRunnable, waitForRun } from "../helpers/runs";

// The lib code below runs in this process, against the hub's own database and data folder.
process.env.DATA_DIR = process.env.HUB_DATA_DIR;
const { ingestFolder } = await import("@/lib/artifacts/ingest-folder");
const { ingestRunStorage } = await import("@/lib/synapse/export/ingest-run-storage");
const { reconcileRuns } = await import("@/lib/runs/reconcile");
const { pool } = await import("@/lib/db/pool");

type Listed = { path: string; status: string; error: string | null };
const artifacts = async (runId: string) =>
  ((await (await fetch(`${hubUrl()}/api/v1/runs/${runId}/artifacts`, { headers: authHeaders() })).json()) as { items: Listed[] }).items;

/** A finished run (the rows need one) and the token it had, which still works a while. */
async function finishedRun(): Promise<{ id: string; token: string }> {
  const code = await publishRunnable({ go: { body: `return {"token": os.environ["SYNAPSE_ACCESS_TOKEN"]}` } }, "ingest");
  const run = await waitForRun((await launchOk({ plugin: code, action: "go" })).id);
  expect(run.status, JSON.stringify(run)).toBe("succeeded");
  return { id: run.id, token: (run.result as { token: string }).token };
}

describe("ingesting a run's output folder", () => {
  let run: { id: string; token: string };
  beforeAll(async () => {
    run = await finishedRun();
  });

  it("takes plain files; lists symlinks (to a file or a folder) and a FIFO as failed; counts a bad name and an unreadable deep folder", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "ingest-it-"));
    try {
      writeFileSync(path.join(folder, "ok.txt"), "hello");
      mkdirSync(path.join(folder, "sub"));
      writeFileSync(path.join(folder, "sub", "inner.txt"), "inner");
      symlinkSync("/etc/hostname", path.join(folder, "link.txt"));
      symlinkSync("/etc", path.join(folder, "linkdir"));
      execFileSync("mkfifo", [path.join(folder, "pipe")]);
      writeFileSync(path.join(folder, "bad\\name"), "x");
      // Deeper than PATH_MAX: its readdir fails (ENAMETOOLONG, for root too), which once rejected the whole ingest.
      execFileSync("bash", [
        "-c",
        `cd "$1" && n=$(printf 'd%.0s' {1..200}) && for i in $(seq 25); do mkdir $n && cd $n; done && echo deep > f.txt`,
        "_",
        folder,
      ]);

      const summary = await ingestFolder(run.id, folder);
      expect(summary).toMatchObject({ uploaded: 2, failed: 3, bytes: 10 });
      expect(summary.skipped).toHaveLength(2);
      expect(summary.skipped[0]).toBe("bad\\name");
      expect(summary.skipped[1]).toMatch(/^d{200}\//);

      const listed = await artifacts(run.id);
      expect(listed.map((a) => [a.path, a.status, a.error])).toEqual([
        ["link.txt", "failed", "A symbolic link, not followed."],
        ["linkdir", "failed", "A symbolic link, not followed."],
        ["ok.txt", "uploaded", null],
        ["pipe", "failed", "Not a regular file."],
        ["sub/inner.txt", "uploaded", null],
      ]);
      const body = await (await fetch(`${hubUrl()}/api/v1/runs/${run.id}/artifacts/sub/inner.txt`, { headers: authHeaders() })).text();
      expect(body).toBe("inner");
    } finally {
      execFileSync("rm", ["-rf", folder]); // GNU rm walks deeper than PATH_MAX
    }
  });

  it("removes the run's storage folder after taking it in, and logs what was skipped", async () => {
    const storage = path.join(process.env.HUB_DATA_DIR!, "compute", "runs", run.id, "storage");
    mkdirSync(path.join(storage, "out"), { recursive: true });
    writeFileSync(path.join(storage, "out", "late.json"), "{}");
    writeFileSync(path.join(storage, "bad\\one"), "x");
    const lines: string[] = [];
    await ingestRunStorage(run.id, (line) => lines.push(line));
    expect(existsSync(storage)).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Stored 1 file\(s\) of the run's output \(2 bytes\)/);
    expect(lines[0]).toContain(`; 1 skipped, their names cannot be artifact paths (${JSON.stringify("bad\\one")}).`);
    expect((await artifacts(run.id)).find((a) => a.path === "out/late.json")?.status).toBe("uploaded");
    rmSync(path.dirname(storage), { recursive: true, force: true });
  });

  it("removes the storage folder also when the ingest fails (here: no such run, so no row can be written)", async () => {
    const ghost = randomUUID();
    const storage = path.join(process.env.HUB_DATA_DIR!, "compute", "runs", ghost, "storage");
    mkdirSync(path.join(storage, "sub"), { recursive: true });
    for (const name of ["a.txt", "b.txt", "c.txt", "sub/d.txt", "sub/e.txt"]) writeFileSync(path.join(storage, name), name);
    execFileSync("mkfifo", [path.join(storage, "pipe")]);
    await expect(ingestRunStorage(ghost, () => {})).rejects.toThrow();
    expect(existsSync(storage)).toBe(false);
    rmSync(path.dirname(storage), { recursive: true, force: true });
  });

  it("the reconciler, failing a run whose hub instance died, takes in what it wrote to storage 1 and removes the folder", async () => {
    const crashed = await finishedRun();
    const storage = path.join(process.env.HUB_DATA_DIR!, "compute", "runs", crashed.id, "storage");
    mkdirSync(path.join(storage, "out"), { recursive: true });
    writeFileSync(path.join(storage, "out", "export.json"), '{"done": true}');
    // As a crash leaves it: still running, on an instance of this machine that holds no lock any more
    // (after the folder is made: the suite hub's own reconciler may get to the run first).
    await pool().query("UPDATE runs SET status = 'running', finished_at = NULL, pid = NULL, node = $2 WHERE id = $1", [
      crashed.id,
      `${os.hostname()}/gone-${randomUUID()}`,
    ]);
    await reconcileRuns();
    expect(existsSync(storage)).toBe(false);
    const after = await getRun(crashed.id);
    expect(after.status).toBe("failed");
    expect((await artifacts(crashed.id)).map((a) => [a.path, a.status])).toEqual([["out/export.json", "uploaded"]]);
    rmSync(path.dirname(storage), { recursive: true, force: true });
  });

  it("refuses storage 1 to the token of a run that ended, and makes no folder", async () => {
    for (const [method, url] of [
      ["GET", "/storages/1/?with_configuration=true"],
      ["POST", "/storages/1/session/"],
    ]) {
      const response = await fetch(`${hubUrl()}${url}`, {
        method,
        headers: { authorization: `Token ${run.token}`, "content-type": "application/json" },
        body: method === "POST" ? JSON.stringify({ purpose: "write" }) : undefined,
      });
      expect(response.status, url).toBe(409);
      expect((await response.json()).code).toBe("run_finished");
    }
    expect(existsSync(path.join(process.env.HUB_DATA_DIR!, "compute", "runs", run.id, "storage"))).toBe(false);
  });
});
