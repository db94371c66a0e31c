import { describe, expect, it } from "vitest";
import type { PluginConfig } from "@/lib/registry/config/normalize-config";
import { jobSubmission, parseRequirements, type RaySpecInput } from "./job-spec";

const config = (overrides: Partial<PluginConfig> = {}): PluginConfig => ({
  name: "P",
  code: "p",
  version: "1.0.0",
  category: "custom",
  description: "d",
  readme: "README.md",
  package_manager: "pip",
  package_manager_options: [],
  actions: { train: { entrypoint: "plugin.train:train", method: "job" }, work: { entrypoint: "plugin.work.Work", method: "task" } },
  ...overrides,
});

const input = (overrides: Partial<RaySpecInput> = {}): RaySpecInput => ({
  runId: "11111111-2222-3333-4444-555555555555",
  action: "train",
  method: "job",
  config: config(),
  params: { epochs: 3 },
  token: "shrun_secret",
  hubUrl: "https://hub.example.com",
  packageUri: "gcs://_ray_pkg_abc.zip",
  sdk: false,
  requirementsText: "",
  ...overrides,
});

describe("a run as a Ray job", () => {
  it("carries the job protocol's environment, pointing back at the hub, with the run id as submission id", () => {
    const job = jobSubmission(input());
    expect(job.submission_id).toBe("11111111-2222-3333-4444-555555555555");
    expect(job.entrypoint).toBe("python -m synapse_hub_runtime");
    const env = (job.runtime_env as { env_vars: Record<string, string> }).env_vars;
    expect(job.runtime_env.working_dir).toBe("gcs://_ray_pkg_abc.zip");
    expect(env).toMatchObject({
      SYNAPSE_HOST: "https://hub.example.com",
      SYNAPSE_PLUGIN_RUN_HOST: "https://hub.example.com",
      SYNAPSE_ACCESS_TOKEN: "shrun_secret",
      SYNAPSE_PLUGIN_RUN_USER_TOKEN: "shrun_secret",
      SYNAPSE_JOB_ID: "11111111-2222-3333-4444-555555555555",
      SYNAPSE_ACTION_PARAMS: '{"epochs":3}',
      SYNAPSE_ACTION_ENTRYPOINT: "plugin.train:train",
      SYNAPSE_ACTION_METHOD: "job",
    });
    expect(job).not.toHaveProperty("entrypoint_num_cpus");
    expect(job.runtime_env).not.toHaveProperty("pip");
  });

  it("maps the launch's resources to Ray's entrypoint resources (memory in bytes)", () => {
    const job = jobSubmission(input({ resources: { cpus: 1.5, gpus: 1, memoryMb: 512 } }));
    expect(job).toMatchObject({ entrypoint_num_cpus: 1.5, entrypoint_num_gpus: 1, entrypoint_memory: 512 * 1024 * 1024 });
  });

  it("runs an SDK plugin's class action under the SDK's runner, and a function action under the hub's runtime", () => {
    expect(jobSubmission(input({ sdk: true, action: "work" })).entrypoint).toBe("python -m synapse_sdk.plugins.entrypoint");
    const sdkEnv = (jobSubmission(input({ sdk: true, action: "work" })).runtime_env as { env_vars: Record<string, string> }).env_vars;
    expect(sdkEnv.SYNAPSE_ACTION_ENTRYPOINT).toBe("plugin.work.Work");
    expect(jobSubmission(input({ sdk: true, action: "train" })).entrypoint).toBe("python -m synapse_hub_runtime");
  });

  it("hands requirements to Ray's pip (option lines whole) or uv (options as arguments)", () => {
    const requirementsText = "# comment\nnumpy==2.1\n--extra-index-url https://pypi.example/simple\n-r other.txt\nrequests  # inline\n";
    expect(jobSubmission(input({ requirementsText })).runtime_env.pip).toEqual(["--extra-index-url https://pypi.example/simple", "numpy==2.1", "requests"]);
    const uv = jobSubmission(input({ requirementsText, config: config({ package_manager: "uv", package_manager_options: ["--no-cache"] }) })).runtime_env.uv;
    expect(uv).toEqual({ packages: ["numpy==2.1", "requests"], uv_pip_install_options: ["--no-cache", "--extra-index-url", "https://pypi.example/simple"] });
    expect(parseRequirements(requirementsText).dropped).toEqual(["-r other.txt"]);
  });

  it("refuses params too large for an environment variable, with its own code", () => {
    expect(() => jobSubmission(input({ params: { blob: "x".repeat(70 * 1024) } }))).toThrow(expect.objectContaining({ code: "params_too_large" }));
  });
});
