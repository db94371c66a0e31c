// Spawns the real runtime (`python3 -m synapse_hub_runtime`) the way the hub's local backend does:
// PYTHONPATH = runtime + plugin folder, a fresh working folder, the launch contract's environment.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

export const RUNTIME_DIR = path.resolve("runtime");
export const PROBE_PLUGIN = path.resolve("tests/runtime/fixtures/probe");
export const JOB_ID = "6f1c0a52-3a8e-4bd5-9d0e-1f2a3b4c5d6e";
export const TOKEN = "run-token-123";
/** The interpreter: python3 (3.11 here); RUNTIME_PYTHON=python3.10 checks the oldest supported one. */
const PYTHON = process.env.RUNTIME_PYTHON ?? "python3";

export type Launch = {
  entrypoint: string;
  params?: Record<string, unknown>;
  plugin?: string;
  method?: "job" | "task" | "serve";
  hub?: string;
  env?: Record<string, string>;
};
export type Finished = { code: number | null; stdout: string; stderr: string; ms: number; cwd: string; artifacts: string };

const folders: string[] = [];

/** Removes the working folders of the runs launched so far (call after each test). */
export function removeRunFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

export function launch(options: Launch): { child: ChildProcess; done: Promise<Finished>; cwd: string; artifacts: string } {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "runtime-run-"));
  folders.push(cwd);
  const artifacts = path.join(cwd, "artifacts-out");
  const hubEnv: Record<string, string> = options.hub
    ? {
        SYNAPSE_HOST: options.hub,
        SYNAPSE_PLUGIN_RUN_HOST: options.hub,
        SYNAPSE_ACCESS_TOKEN: TOKEN,
        SYNAPSE_PLUGIN_RUN_USER_TOKEN: TOKEN,
        SYNAPSE_JOB_ID: JOB_ID,
      }
    : {};
  const started = Date.now();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    PYTHONPATH: `${RUNTIME_DIR}${path.delimiter}${options.plugin ?? PROBE_PLUGIN}`,
    PYTHONDONTWRITEBYTECODE: "1",
    SYNAPSE_ACTION_ENTRYPOINT: options.entrypoint,
    SYNAPSE_ACTION_PARAMS: JSON.stringify(options.params ?? {}),
    SYNAPSE_ACTION_NAME: options.entrypoint.split(/[.:]/).pop() ?? "",
    SYNAPSE_ACTION_METHOD: options.method ?? "job",
    SYNAPSE_ARTIFACTS_DIR: artifacts,
    ...hubEnv,
    ...options.env,
  };
  const child = spawn(PYTHON, ["-m", "synapse_hub_runtime"], { cwd, env: env as NodeJS.ProcessEnv });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Finished>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr, ms: Date.now() - started, cwd, artifacts })));
  return { child, done, cwd, artifacts };
}

export const run = (options: Launch) => launch(options).done;

/** The JSON printed between the SDK's result markers. */
export function printedResult(stdout: string): unknown {
  const match = /__SYNAPSE_RESULT_START__\n(.*)\n__SYNAPSE_RESULT_END__/.exec(stdout);
  return match ? JSON.parse(match[1]) : undefined;
}

/** A port nothing listens on (for a serve action to bind, or to stand for a dead hub). */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
