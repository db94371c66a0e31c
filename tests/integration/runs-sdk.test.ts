import { describe, expect, it } from "vitest";
import { uniqueCode } from "@/tests/helpers/hub";
import { allEvents, launchOk, logMessages, publishFiles, waitForRun } from "@/tests/helpers/runs";

// A plugin written against the real Synapse SDK (from PyPI): the hub installs it into the plugin's
// environment (Python ≥ 3.12, with uv) and runs it under the SDK's own runner, which reports to the
// hub through the Synapse job protocol unchanged.
const SDK = "synapse-sdk==2026.2.17";
const actions = `from pydantic import BaseModel
from synapse_sdk.plugins.action import BaseAction


class WorkParams(BaseModel):
    n: int = 3


class WorkAction(BaseAction[WorkParams]):
    def execute(self):
        for i in range(self.params.n):
            self.ctx.set_progress(i + 1, self.params.n, step="work")
        self.ctx.set_metrics({"loss": 0.5}, step="work")
        self.ctx.log_message("hello from the SDK")
        return {"n": self.params.n, "ok": True}


class Boom(BaseAction[WorkParams]):
    def execute(self):
        raise RuntimeError("the SDK action broke")
`;

async function publishSdkPlugin(): Promise<string> {
  const code = uniqueCode("sdk-run");
  const config = [
    `name: "SDK ${code}"`,
    `code: ${code}`,
    `version: "0.1.0"`,
    "category: custom",
    `description: "A plugin on the real Synapse SDK."`,
    "package_manager: uv",
    "actions:",
    "  work:",
    "    entrypoint: hello.actions:WorkAction",
    "    method: task",
    "  boom:",
    "    entrypoint: hello.actions.Boom",
    "    method: task",
  ].join("\n");
  return publishFiles(code, { "config.yaml": config, "requirements.txt": `${SDK}\n`, "hello/__init__.py": "", "hello/actions.py": actions });
}

describe("a plugin on the real Synapse SDK", () => {
  it("runs under the SDK's runner on Python ≥ 3.12, and its progress, metrics, logs and result reach the hub", { timeout: 600_000 }, async () => {
    const code = await publishSdkPlugin();
    const launched = await launchOk({ plugin: code, action: "work", params: { n: 4 } });
    const run = await waitForRun(launched.id, undefined, 540_000);
    const events = await allEvents(run.id);
    expect(run.status, `${run.error}\n${logMessages(events).slice(-30).join("\n")}`).toBe("succeeded");
    expect(run.result).toEqual({ n: 4, ok: true });
    expect(run.metrics).toEqual({ work: { loss: 0.5 } });
    expect(run.progress?.steps.work.percent).toBe(100);
    const lines = logMessages(events);
    expect(lines).toContain("hello from the SDK");
    expect(lines.some((line) => /Python 3\.1[2-9]/.test(line))).toBe(true);
    expect(events.filter((e) => e.type === "progress").length).toBeGreaterThan(0);

    // The same environment serves the next run at once, and a failing action shows the SDK's error.
    const failed = await waitForRun((await launchOk({ plugin: code, action: "boom" })).id, undefined, 120_000);
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain("the SDK action broke");
    expect(failed.exitCode).toBe(1);
  });
});
