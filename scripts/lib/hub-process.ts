// Starts the hub's server (server/main.ts) as a child process and waits until it is healthy.
import { spawn, type ChildProcess } from "node:child_process";
import { loopbackOrigin } from "../../lib/http/request-origin";

/** `url`: where this machine reaches the hub (a loopback address for a wildcard bind). */
export type HubProcess = { url: string; child: ChildProcess; stop: (signal?: NodeJS.Signals) => Promise<void> };

export async function startHub(options: {
  host: string;
  port: number;
  env: Record<string, string | undefined>;
  dev?: boolean;
  quiet?: boolean;
}): Promise<HubProcess> {
  // `--import tsx` keeps the server in this one process, so signals reach it directly.
  const args = ["--import", "tsx", "--import", "./server/register.mjs", "server/main.ts", ...(options.dev ? ["--dev"] : [])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env, HOST: options.host, PORT: String(options.port) } as NodeJS.ProcessEnv,
    stdio: ["ignore", options.quiet ? "pipe" : "inherit", options.quiet ? "pipe" : "inherit"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = loopbackOrigin(options.host, options.port);
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the hub exited during start-up (code ${child.exitCode})\n${output.join("")}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return { url, child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop("SIGKILL");
  throw new Error(`the hub did not become healthy within 120 s\n${output.join("")}`);
}
