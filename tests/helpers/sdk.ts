// The real Synapse SDK (installed by scripts/test.ts into .venv-sdk/): run Python against the test hub
// with its backend client, or its `synapse` CLI.
import { spawn } from "node:child_process";
import { hubUrl } from "./hub";

export function sdkPython(): string {
  const python = process.env.SYNAPSE_SDK_PYTHON;
  if (!python) throw new Error("SYNAPSE_SDK_PYTHON is not set: run the SDK tests through `npm test` (scripts/test.ts installs the SDK)");
  return python;
}

export function sdkCli(): string {
  const bin = process.env.SYNAPSE_SDK_BIN;
  if (!bin) throw new Error("SYNAPSE_SDK_BIN is not set: run the SDK tests through `npm test` (scripts/test.ts installs the SDK)");
  return bin;
}

export type Ran = { code: number | null; stdout: string; stderr: string };

/** Runs a command to its end (no shell), with the given input and environment on top of ours. */
export function runCommand(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; input?: string; timeoutMs?: number } = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}

/**
 * Runs `script` with the SDK's Python; it finds `client` (a BackendClient on the hub with the test token)
 * and `args` (the JSON given) already defined, and whatever it assigns to `out` comes back parsed.
 */
export async function withSdkClient<T>(script: string, args: unknown = {}, token = process.env.HUB_TOKEN ?? ""): Promise<T> {
  const program = [
    "import json, os, sys",
    "from synapse_sdk.clients.backend import BackendClient",
    "client = BackendClient(os.environ['HUB_URL'], access_token=os.environ['SDK_TOKEN'])",
    "args = json.loads(sys.stdin.read())",
    "out = None",
    script,
    "print('__OUT__' + json.dumps(out, default=str))",
  ].join("\n");
  const ran = await runCommand(sdkPython(), ["-c", program], { env: { HUB_URL: hubUrl(), SDK_TOKEN: token }, input: JSON.stringify(args) });
  const line = ran.stdout.split("\n").find((l) => l.startsWith("__OUT__"));
  if (ran.code !== 0 || !line) throw new Error(`the SDK script failed (exit ${ran.code}):\n${ran.stderr.slice(-3000)}\n${ran.stdout.slice(-1000)}`);
  return JSON.parse(line.slice("__OUT__".length)) as T;
}
