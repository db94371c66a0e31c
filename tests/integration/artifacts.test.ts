// Run artifacts through HTTP: a real run uploads files with its token; they are listed, downloaded
// with ranges, zipped, and shared.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authHeaders, hubUrl } from "../helpers/hub";
import { launchOk, publishRunnable, waitForRun } from "../helpers/runs";

// The plugin uploads as the runtime will: PUT with its run token and the declared sha256.
const UPLOADS = `import hashlib, urllib.request
host = os.environ["SYNAPSE_HOST"].rstrip("/")
token = os.environ["SYNAPSE_ACCESS_TOKEN"]
job = os.environ["SYNAPSE_JOB_ID"]
def put(path, data, declared=None):
    req = urllib.request.Request(f"{host}/api/v1/runs/{job}/artifacts/{path}", data=data, method="PUT",
        headers={"Authorization": f"Token {token}", "Content-Type": "application/octet-stream",
                 "X-Artifact-Sha256": declared or hashlib.sha256(data).hexdigest()})
    try:
        return urllib.request.urlopen(req).status
    except urllib.error.HTTPError as error:
        return error.code
statuses = [put("result.json", b'{"items": [1, 2, 3]}'), put("data/part-1.jsonl", b'{"a": 1}\\n' * 1000),
            put("broken.bin", b"xyz", "0" * 64)]
return {"statuses": statuses}`;

describe("run artifacts", () => {
  it("a run's uploads are listed, a bad checksum is listed as failed while the run succeeds, files download with ranges, the zip holds them", async () => {
    const code = await publishRunnable({ export: { body: UPLOADS } }, "art");
    const run = await waitForRun((await launchOk({ plugin: code, action: "export" })).id);
    expect(run.status, JSON.stringify(run)).toBe("succeeded");
    expect((run.result as { statuses: number[] }).statuses).toEqual([201, 201, 422]);

    const list = await (await fetch(`${hubUrl()}/api/v1/runs/${run.id}/artifacts`, { headers: authHeaders() })).json();
    expect(list.items.map((a: { path: string; status: string }) => [a.path, a.status])).toEqual([
      ["broken.bin", "failed"],
      ["data/part-1.jsonl", "uploaded"],
      ["result.json", "uploaded"],
    ]);
    expect(list.summary).toMatchObject({ files: 3, uploaded: 2, failed: 1 });

    const file = `${hubUrl()}/api/v1/runs/${run.id}/artifacts/data/part-1.jsonl`;
    const whole = Buffer.from(await (await fetch(file, { headers: authHeaders() })).arrayBuffer());
    expect(whole.length).toBe(9000);
    const part = await fetch(file, { headers: { ...authHeaders(), range: "bytes=8990-" } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(8990))).toBe(true);

    const zipUrl = `${hubUrl()}/api/v1/runs/${run.id}/archive`;
    const zipResponse = await fetch(zipUrl, { headers: authHeaders() });
    expect(zipResponse.status).toBe(200);
    const zip = Buffer.from(await zipResponse.arrayBuffer());
    expect(Number(zipResponse.headers.get("content-length"))).toBe(zip.length);
    const dir = mkdtempSync(path.join(os.tmpdir(), "artifacts-it-"));
    writeFileSync(path.join(dir, "r.zip"), zip);
    execFileSync("unzip", ["-q", "r.zip", "-d", "out"], { cwd: dir });
    expect(execFileSync("cat", ["out/result.json"], { cwd: dir, encoding: "utf8" })).toBe('{"items": [1, 2, 3]}');
    const resumed = await fetch(zipUrl, { headers: { ...authHeaders(), range: "bytes=100-", "if-range": zipResponse.headers.get("etag")! } });
    expect(resumed.status).toBe(206);
    expect(Buffer.from(await resumed.arrayBuffer()).equals(zip.subarray(100))).toBe(true);

    expect((await fetch(zipUrl)).status).toBe(401);
    const share = await (
      await fetch(`${hubUrl()}/api/v1/runs/${run.id}/share`, {
        method: "POST",
        headers: { ...authHeaders(), "content-type": "application/json" },
        body: JSON.stringify({ expiresInSeconds: 60 }),
      })
    ).json();
    const shared = await fetch(`${hubUrl()}${share.url}`);
    expect(shared.status).toBe(200);
    expect(Buffer.from(await shared.arrayBuffer()).equals(zip)).toBe(true);
    expect((await fetch(`${hubUrl()}/api/v1/runs/${run.id}/archive?share=${share.token}x`)).status).toBe(403);
  });
});
