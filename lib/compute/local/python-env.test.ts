import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { pickInterpreter, type Interpreter } from "./interpreters";
import { ensureEnv, type EnsureEnvOptions } from "./python-env";

// Real virtualenvs, real pip and uv against PyPI; downloads come from pip's and uv's own caches after
// the first run.
const root = mkdtempSync(path.join(os.tmpdir(), "python-env-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let interpreter: Interpreter;
beforeAll(async () => {
  interpreter = await pickInterpreter(">=3.12");
});

function options(extra: Partial<EnsureEnvOptions>): EnsureEnvOptions & { lines: string[] } {
  const lines: string[] = [];
  return { interpreter, requirementsText: "", packageManager: "pip", options: [], root, log: (line) => lines.push(line), lines, ...extra };
}

const python = (venvPython: string, code: string) => spawnSync(venvPython, ["-c", code], { encoding: "utf8" });
const envFolders = () => readdirSync(path.join(root, "envs")).filter((name) => !name.endsWith(".lock"));

describe("ensureEnv", () => {
  it("builds a bare environment once; the second call reuses it at once", async () => {
    const first = await ensureEnv(options({ requirementsText: "# nothing\n" }));
    expect(first.built).toBe(true);
    expect(python(first.python, "import sys; print(sys.prefix)").stdout.trim()).toBe(first.path);
    const started = Date.now();
    const second = await ensureEnv(options({ requirementsText: "" }));
    expect(second).toMatchObject({ built: false, path: first.path });
    expect(Date.now() - started).toBeLessThan(100);
  });

  it("two concurrent callers with the same requirements get one build, and the log shows pip's output", async () => {
    const a = options({ requirementsText: "six\n" });
    const b = options({ requirementsText: "  six  # same thing\n\n" });
    const [first, second] = await Promise.all([ensureEnv(a), ensureEnv(b)]);
    expect([first.built, second.built].sort()).toEqual([false, true]);
    expect(first.path).toBe(second.path);
    expect(python(first.python, "import six; print(six.__name__)").stdout.trim()).toBe("six");
    const [builder, waiter] = first.built ? [a, b] : [b, a];
    expect(builder.lines.some((line) => /Successfully installed six/.test(line))).toBe(true);
    expect(waiter.lines.some((line) => /Waiting for the same Python environment/.test(line))).toBe(true);
    // Console scripts point into the final folder, not the temp folder it was built in.
    const shebang = python(first.python, "import pathlib,sys; print(pathlib.Path(sys.prefix, 'bin', 'pip').read_text().splitlines()[0])").stdout.trim();
    expect(shebang.startsWith(`#!${first.path}/bin/python`)).toBe(true);
  }, 60_000);

  it("another process building the same environment waits on the lock instead of building it twice", async () => {
    const script = `import { ensureEnv } from "./lib/compute/local/python-env.ts";
console.log("imported");
const env = await ensureEnv({ interpreter: ${JSON.stringify(interpreter)}, requirementsText: "six\\nsix", packageManager: "pip", options: ["--no-compile"], root: ${JSON.stringify(root)}, log: () => {} });
console.log(JSON.stringify(env));`;
    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./server/register.mjs", "--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // Both processes start their builds together, so one of them must find the other's lock.
    await new Promise<void>((resolve) =>
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk;
        if (out.includes("imported")) resolve();
      }),
    );
    const ours = await ensureEnv(options({ requirementsText: "six\nsix", options: ["--no-compile"] }));
    expect(await exited).toBe(0);
    const theirs = JSON.parse(out.trim().split("\n").at(-1)!) as { built: boolean; path: string };
    expect(theirs.path).toBe(ours.path);
    expect([ours.built, theirs.built].sort()).toEqual([false, true]);
  }, 60_000);

  it("a requirement that cannot be installed fails with env_build_failed, pip's reason, and leaves nothing behind", async () => {
    const before = envFolders();
    const error = await ensureEnv(options({ requirementsText: "synapse-hub-no-such-package-7f3a==0.0.1\n" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("env_build_failed");
    expect((error as AppError).message).toMatch(/No matching distribution found for synapse-hub-no-such-package-7f3a/);
    expect(envFolders()).toEqual(before);
  }, 60_000);

  it("with uv: installs the pinned uv itself once, then builds with it", async () => {
    const first = options({ packageManager: "uv", requirementsText: "six\n", options: ["--no-cache"] });
    const env = await ensureEnv(first);
    expect(env.built).toBe(true);
    expect(first.lines.some((line) => /Installing uv \d/.test(line))).toBe(true);
    expect(first.lines.some((line) => /\+ six==/.test(line))).toBe(true);
    expect(python(env.python, "import six; print('ok')").stdout.trim()).toBe("ok");
    expect(existsSync(path.join(env.path, "bin", "pip"))).toBe(false); // a uv venv, not a pip one

    const other = options({ packageManager: "uv", requirementsText: "" });
    expect((await ensureEnv(other)).built).toBe(true);
    expect(other.lines.some((line) => /Installing uv/.test(line))).toBe(false);
  }, 90_000);
});
