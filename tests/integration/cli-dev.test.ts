import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authHeaders, hubUrl, uniqueCode } from "@/tests/helpers/hub";
import { launchOk, waitForRun } from "@/tests/helpers/runs";

// `synapse-hub dev <dir>`: a save in the folder is a new debug release within moments, and the next
// run runs it.
describe("synapse-hub dev", () => {
  it("republishes a folder as a debug release on save; the next run uses the new code within 2 s of the edit", async () => {
    const code = uniqueCode("dev");
    const folder = mkdtempSync(path.join(os.tmpdir(), "cli-dev-"));
    mkdirSync(path.join(folder, "plugin"));
    const config = [
      `name: "Dev ${code}"`,
      `code: ${code}`,
      `version: "0.1.0"`,
      "category: custom",
      `description: "Edited live."`,
      "actions:",
      "  answer:",
      "    entrypoint: plugin.main:main",
      "    method: task",
    ];
    writeFileSync(path.join(folder, "config.yaml"), config.join("\n"));
    writeFileSync(path.join(folder, "plugin", "__init__.py"), "");
    const writeMain = (answer: string) =>
      writeFileSync(path.join(folder, "plugin", "main.py"), `def main(params, ctx):\n    return {"answer": ${JSON.stringify(answer)}}\n`);
    writeMain("before");

    const child = spawn(process.execPath, [path.resolve("cli/bin.mjs"), "dev", folder], {
      env: {
        ...process.env,
        SYNAPSE_HUB_HOST: hubUrl(),
        SYNAPSE_HUB_TOKEN: authHeaders().authorization.replace("Bearer ", ""),
        SYNAPSE_HUB_CONFIG: path.join(folder, ".none.json"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const seen: { text: string; at: number }[] = [];
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk;
      seen.push({ text: chunk.toString(), at: Date.now() });
    });
    child.stderr.on("data", (chunk: Buffer) => (out += chunk));
    const waitFor = async (pattern: RegExp, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(out)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${out}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return seen.find((s) => pattern.test(s.text))?.at ?? Date.now();
    };
    try {
      await waitFor(/Published debug release/, 30_000);
      expect(out).toContain(`${hubUrl()}/plugins/${code}/run/answer?version=0.1.0`);
      await waitFor(/Watching/, 5_000);

      const edited = Date.now();
      writeMain("after");
      await waitFor(/Replaced the debug release/, 5_000);
      const run = await launchOk({ plugin: code, version: "0.1.0", action: "answer" });
      const launchedWithin = Date.now() - edited;
      const done = await waitForRun(run.id);
      expect(done.result).toEqual({ answer: "after" });
      // The run was launched on the new code less than 2 s after the file was saved.
      console.log(`synapse-hub dev: saved → a run on the new code launched ${launchedWithin} ms later`);
      expect(launchedWithin).toBeLessThan(2_000);
    } finally {
      child.kill("SIGTERM");
    }
  }, 90_000);
});
