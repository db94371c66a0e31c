import "server-only";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/http/errors";
import { runProcess } from "./run-process";

const TAIL_LINES = 30;

export type StepContext = {
  log: (line: string) => void;
  signal?: AbortSignal;
  /** Deadline shared by every step of one build. */
  deadline: number;
  cwd?: string;
};

/**
 * Runs one step of an environment build (venv, pip, uv), streaming every output line to the run's log.
 * A step that fails throws `env_build_failed` carrying the last lines, which is what a person needs
 * to see why (the resolver's complaint is at the end of pip's output).
 */
export async function runStep(command: string, args: string[], context: StepContext): Promise<void> {
  const tail: string[] = [];
  context.log(`$ ${[command, ...args].join(" ")}`);
  const outcome = await runProcess({
    command,
    args,
    cwd: context.cwd,
    env: buildEnv(),
    signal: context.signal,
    timeoutMs: Math.max(1, context.deadline - Date.now()),
    graceMs: 2_000,
    onLine: (_stream, line) => {
      context.log(line);
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
    },
  });
  if (outcome.exitCode === 0) return;
  const why = outcome.cancelled ? "was cancelled" : outcome.timedOut ? "ran out of time" : `failed (exit ${outcome.exitCode ?? outcome.signal})`;
  throw new AppError("env_build_failed", `The Python environment could not be built: ${path.basename(command)} ${args[0] ?? ""} ${why}.\n${tail.join("\n")}`);
}

// The builders need the machine's PATH, HOME (pip's download cache) and proxies; nothing asks them questions.
function buildEnv(): Record<string, string | undefined> {
  return {
    ...process.env,
    PIP_DISABLE_PIP_VERSION_CHECK: "1",
    PIP_NO_INPUT: "1",
    PYTHONUNBUFFERED: "1",
    UV_PYTHON_DOWNLOADS: "never",
    UV_NO_PROGRESS: "1",
    NO_COLOR: "1",
    VIRTUAL_ENV: undefined,
    PYTHONPATH: undefined,
    PYTHONHOME: undefined,
  };
}

/**
 * A virtualenv records its own absolute path (script shebangs, activate, pyvenv.cfg). It is built in a
 * temp folder and renamed into place, so these references are rewritten to the final path first;
 * without this, console scripts such as `bin/synapse` would point at a folder that no longer exists.
 */
export async function relocateVenv(from: string, to: string): Promise<void> {
  const bin = path.join(from, "bin");
  const files = [...(await readdir(bin, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(bin, e.name)), path.join(from, "pyvenv.cfg")];
  for (const file of files) {
    const bytes = await readFile(file).catch(() => null);
    // Text files only (no NUL byte): a compiled binary must never be edited.
    if (!bytes || bytes.length > 1024 * 1024 || bytes.includes(0) || !bytes.includes(from)) continue;
    await writeFile(file, bytes.toString("utf8").split(from).join(to));
  }
}
