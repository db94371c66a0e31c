import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import { killGroup } from "./kill-group";
import { LineSplitter } from "./line-splitter";
import { OutputCollector, type OutputOptions, type OutputStream } from "./output-collector";
import { MAX_RESULT_BYTES, RESULT_START, ResultExtractor } from "./result-extractor";

export { killGroupIfOurs } from "./kill-group";
export type { LogLine, OutputStream } from "./output-collector";

export type RunProcessOptions = OutputOptions & {
  command: string;
  args?: string[];
  cwd?: string;
  /** The child's whole environment: nothing of the hub's own is added. */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** Aborting it cancels the run. */
  signal?: AbortSignal;
  /** Time between SIGTERM and SIGKILL on cancel or timeout. */
  graceMs?: number;
  /** Called once the child exists, before any output: store the pid to find the group after a crash. */
  onSpawn?: (pid: number) => void;
  maxLineBytes?: number;
};

export type RunProcessOutcome = {
  pid: number;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  result?: unknown;
  resultError?: string;
  /** The first error the caller's onLine/onLines threw (later lines were dropped). */
  logError?: string;
};

const DEFAULT_GRACE_MS = 10_000;
// After the child exits, how long its pipes may stay open (held by a grandchild that left the group).
const PIPE_CLOSE_WAIT_MS = 2_000;

/**
 * Runs one command in its own process group and reports how it ended. Cancel and timeout send SIGTERM
 * to the whole group, then SIGKILL after `graceMs`; when the child exits, whatever it left running
 * in its group is killed too, so a run never leaves orphans behind. Output becomes lines (see
 * LineSplitter, OutputCollector), and the result between the Synapse result markers is parsed out.
 */
export async function runProcess(options: RunProcessOptions): Promise<RunProcessOutcome> {
  const child = spawn(options.command, options.args ?? [], {
    cwd: options.cwd,
    env: (options.env ?? {}) as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", reject);
  });
  const pid = child.pid!;
  options.onSpawn?.(pid);

  const streams = [child.stdout!, child.stderr!];
  const flow = { paused: false, lastData: Date.now() };
  const collector = new OutputCollector(options, {
    pause: () => ((flow.paused = true), streams.forEach((s) => s.pause())),
    resume: () => ((flow.paused = false), streams.forEach((s) => s.resume())),
  });
  const extractor = new ResultExtractor((line) => collector.add("stdout", line));
  const splitters: Record<OutputStream, LineSplitter> = {
    stdout: new LineSplitter((line) => extractor.line(line), {
      maxLineBytes: options.maxLineBytes,
      // The SDK prints the result JSON as one line: keep it whole, up to the result's own limit.
      extendLimit: (pending) => (extractor.inside || pending.includes(RESULT_START) ? MAX_RESULT_BYTES + 1024 : null),
    }),
    stderr: new LineSplitter((line) => collector.add("stderr", line), { maxLineBytes: options.maxLineBytes }),
  };
  for (const name of ["stdout", "stderr"] as const) {
    child[name]!.on("data", (chunk: Buffer) => {
      flow.lastData = Date.now();
      splitters[name].push(chunk);
    });
  }

  let timedOut = false;
  let cancelled = false;
  let exited = false;
  let killTimer: NodeJS.Timeout | undefined;
  const stop = () => {
    if (exited || killTimer) return;
    killGroup(pid, "SIGTERM");
    killTimer = setTimeout(() => killGroup(pid, "SIGKILL"), options.graceMs ?? DEFAULT_GRACE_MS);
  };
  const onAbort = () => {
    cancelled = true;
    stop();
  };
  const timeout =
    options.timeoutMs !== undefined
      ? setTimeout(() => {
          timedOut = true;
          stop();
        }, options.timeoutMs)
      : undefined;
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener("abort", onAbort, { once: true });

  const [exitCode, exitSignal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = true;
      killGroup(pid, "SIGKILL"); // whatever the run started and left behind
      resolve([code, signal]);
    });
  });
  clearTimeout(timeout);
  clearTimeout(killTimer);
  options.signal?.removeEventListener("abort", onAbort);
  await pipesClosed(child, flow);
  splitters.stdout.end();
  splitters.stderr.end();
  await collector.close();

  const extracted = extractor.result();
  return {
    pid,
    exitCode,
    signal: exitSignal,
    timedOut,
    cancelled: cancelled && !timedOut,
    ...(extracted.found && "value" in extracted ? { result: extracted.value } : {}),
    ...(extracted.found && "error" in extracted ? { resultError: extracted.error } : {}),
    ...(collector.error !== undefined ? { logError: String((collector.error as Error)?.message ?? collector.error) } : {}),
  };
}

/**
 * Waits for the child's pipes to close. A grandchild that escaped the group (setsid) could hold them
 * open for ever: after the child has exited, pipes silent for PIPE_CLOSE_WAIT_MS (and not paused by
 * our own back-pressure) are closed from this side.
 */
function pipesClosed(child: ChildProcess, flow: { paused: boolean; lastData: number }): Promise<void> {
  return new Promise((resolve) => {
    if (child.stdout?.closed && child.stderr?.closed) return resolve();
    const check = setInterval(() => {
      if (flow.paused || Date.now() - flow.lastData < PIPE_CLOSE_WAIT_MS) return;
      child.stdout?.destroy();
      child.stderr?.destroy();
      finish();
    }, 250);
    const finish = () => {
      clearInterval(check);
      resolve();
    };
    child.once("close", finish);
  });
}
