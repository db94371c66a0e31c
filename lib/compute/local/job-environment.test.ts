import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jobEnvironment } from "./job-environment";

const root = mkdtempSync(path.join(os.tmpdir(), "job-env-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const base = { python: "/data/envs/abc/bin/python", jobId: "run-1", hubUrl: "http://127.0.0.1:3000", token: "t-1", runDir: path.join(root, "run-1") };

describe("jobEnvironment", () => {
  it("gives the SDK's runner what it reads, and nothing of the hub's own environment", async () => {
    process.env.SYNAPSE_HUB_TEST_SECRET = "must not leak";
    const env = await jobEnvironment({ ...base, entrypoint: "pkg.actions:Train", params: { epochs: 2 }, extra: { MY_FLAG: "1", SYNAPSE_JOB_ID: "forged" } });
    delete process.env.SYNAPSE_HUB_TEST_SECRET;
    expect(env).toMatchObject({
      SYNAPSE_ACTION_ENTRYPOINT: "pkg.actions.Train", // the SDK splits module and attribute on the last "."
      SYNAPSE_ACTION_PARAMS: '{"epochs":2}',
      SYNAPSE_HOST: "http://127.0.0.1:3000",
      SYNAPSE_ACCESS_TOKEN: "t-1",
      SYNAPSE_PLUGIN_RUN_USER_TOKEN: "t-1",
      SYNAPSE_JOB_ID: "run-1", // the plugin's own env cannot pose as another run
      HOME: base.runDir,
      VIRTUAL_ENV: "/data/envs/abc",
      PYTHONUNBUFFERED: "1",
      MY_FLAG: "1",
    });
    expect(env.PATH.split(":")[0]).toBe("/data/envs/abc/bin");
    expect(Object.values(env)).not.toContain("must not leak");
  });

  it("passes large params through a file, since Linux caps one environment string at 128 KiB", async () => {
    const params = { text: "x".repeat(200_000) };
    const env = await jobEnvironment({ ...base, entrypoint: "pkg.a.B", params });
    expect(env.SYNAPSE_ACTION_PARAMS).toBeUndefined();
    expect(JSON.parse(readFileSync(env.SYNAPSE_ACTION_PARAMS_FILE, "utf8"))).toEqual(params);
  });
});
