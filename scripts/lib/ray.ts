// A real Ray head for the Ray backend's tests: a project-local virtualenv with the pinned Ray, and
// `ray start --head` on 127.0.0.1 with ports of our choosing, stopped (with everything it spawned) after.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./postgres";

export const RAY_VENV = path.resolve(".venv-ray");
// Ray Serve breaks with protobuf 7 (`FieldDescriptor has no attribute 'label'`).
const PINS = ["ray[default,serve]==2.44.1", "protobuf>=6.33.5,<7"];
const MARKER = path.join(RAY_VENV, ".synapse-pins");
const bin = (name: string) => path.join(RAY_VENV, "bin", name);

/** Ray 2.44 ships wheels for CPython 3.9–3.12; RAY_PYTHON overrides the pick. */
function pickPython(): string {
  const candidates = [process.env.RAY_PYTHON, "python3.11", "python3.12", "python3.10", "python3"].filter(Boolean) as string[];
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], { encoding: "utf8" });
    const minor = probe.status === 0 ? Number(probe.stdout.trim().split(".")[1]) : NaN;
    if (probe.stdout.startsWith("3.") && minor >= 9 && minor <= 12) return candidate;
  }
  throw new Error(
    "The Ray tests need Python 3.9–3.12 (Ray 2.44.1 has no wheels for others) and none was found.\n" +
      "Install one (e.g. `apt-get install -y python3.11 python3.11-venv`) or set RAY_PYTHON to its path.",
  );
}

/** Creates or updates .venv-ray/ when it is missing or was made for other pins. */
export function ensureRayVenv(): void {
  const wanted = PINS.join("\n");
  if (existsSync(bin("ray")) && existsSync(MARKER) && readFileSync(MARKER, "utf8") === wanted) return;
  const started = Date.now();
  if (!existsSync(bin("python"))) {
    const python = pickPython();
    console.log(`Creating ${RAY_VENV} with ${python} for the Ray tests…`);
    const made = spawnSync(python, ["-m", "venv", RAY_VENV], { stdio: "inherit" });
    if (made.status !== 0) {
      rmSync(RAY_VENV, { recursive: true, force: true });
      throw new Error(
        `\`${python} -m venv ${RAY_VENV}\` failed. On Debian/Ubuntu install the venv module:\n` +
          "  apt-get install -y python3-venv   (or python3.11-venv)\nthen run the tests again.",
      );
    }
  }
  console.log(`Installing ${PINS.join(" ")} into ${RAY_VENV} (about 360 MB, once)…`);
  const pip = spawnSync(bin("python"), ["-m", "pip", "install", "--disable-pip-version-check", "--progress-bar", "off", ...PINS], { stdio: "inherit" });
  if (pip.status !== 0) {
    throw new Error(
      `pip could not install ${PINS.join(" ")} into ${RAY_VENV}.\n` +
        `Check that PyPI is reachable (or set PIP_INDEX_URL), then run the tests again; \`rm -rf ${RAY_VENV}\` starts over.`,
    );
  }
  writeFileSync(MARKER, wanted);
  console.log(`Ray virtualenv ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export type RayHead = {
  /** The dashboard URL, what RAY_ADDRESS holds: http://127.0.0.1:<port> */
  address: string;
  /** The Serve HTTP proxy's port on 127.0.0.1 (Serve is started empty, bound there). */
  servePort: number;
  serveUrl: string;
  /** Pass these to startRayHead again to bring a stopped head back at the same address (outage tests). */
  ports: RayPorts;
  stop: () => Promise<void>;
};

const PORT_NAMES = [
  "gcs",
  "dashboard",
  "client",
  "nodeManager",
  "objectManager",
  "agentListen",
  "agentGrpc",
  "dashboardGrpc",
  "runtimeEnvAgent",
  "metrics",
  "serve",
] as const;
export type RayPorts = Record<(typeof PORT_NAMES)[number], number>;

async function freeRayPorts(): Promise<RayPorts> {
  const ports = new Set<number>();
  while (ports.size < PORT_NAMES.length) ports.add(await freePort());
  const list = [...ports];
  return Object.fromEntries(PORT_NAMES.map((name, index) => [name, list[index]])) as RayPorts;
}

// Ray puts Unix sockets at <temp>/session_<date>_<time>_<pid>/sockets/plasma_store (~65 bytes
// after <temp>); sun_path holds 107, so a deep project folder needs a short temp dir in /tmp.
function rayTempDir(dir: string): { path: string; owned: boolean } {
  const wanted = path.join(dir, "ray");
  if (wanted.length <= 40) {
    mkdirSync(wanted, { recursive: true });
    return { path: wanted, owned: false };
  }
  return { path: mkdtempSync(path.join(os.tmpdir(), `ray-${process.pid}-`)), owned: true };
}

/** pid → children, from `ps` (Linux and macOS). */
function processTable(): { pid: number; ppid: number; pgid: number }[] {
  const out = execFileSync("ps", ["-eo", "pid=,ppid=,pgid="], { encoding: "utf8" });
  return out
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .map(([pid, ppid, pgid]) => ({ pid, ppid, pgid }));
}

/** The root and every descendant, plus the members of their process groups (job drivers call setsid). */
function treeOf(root: number): Set<number> {
  const table = processTable();
  const found = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of table) {
      if (!found.has(row.pid) && (found.has(row.ppid) || (row.pgid !== 0 && found.has(row.pgid)))) {
        found.add(row.pid);
        grew = true;
      }
    }
  }
  return new Set([...found].filter((pid) => table.some((row) => row.pid === pid)));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM to `ray start --block` makes Ray stop its own processes (drivers too, ~4 s); SIGKILL what remains. */
async function stopTree(child: ChildProcess): Promise<void> {
  const root = child.pid;
  if (root === undefined) return;
  const seen = treeOf(root);
  if (child.exitCode === null) child.kill("SIGTERM");
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const pid of alive(root) ? treeOf(root) : []) seen.add(pid);
    if (![...seen].some(alive)) return;
    await sleep(200);
  }
  for (let round = 0; round < 3; round++) {
    for (const pid of alive(root) ? treeOf(root) : []) seen.add(pid);
    const left = [...seen].filter(alive);
    if (left.length === 0) return;
    for (const pid of left) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone meanwhile
      }
    }
    await sleep(300);
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`ray start exited with ${child.exitCode} before ${what}; see ${logFile}:\n${tail(logFile)}`);
    if (await check().catch(() => false)) return;
    await sleep(150);
  }
  throw new Error(`Ray head: ${what} did not happen within ${timeoutMs / 1000} s; see ${logFile}:\n${tail(logFile)}`);
}

const tail = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(-30).join("\n") : "");

/** Starts a one-node Ray head bound to 127.0.0.1 (logs under `dir`), with Serve's proxy on a free port. */
export async function startRayHead(dir: string, options: { numCpus?: number; ports?: RayPorts } = {}): Promise<RayHead> {
  mkdirSync(dir, { recursive: true });
  const temp = rayTempDir(dir);
  const ports = options.ports ?? (await freeRayPorts());
  const { gcs, dashboard, client, nodeManager, objectManager, agentListen, agentGrpc, dashboardGrpc, runtimeEnvAgent, metrics, serve } = ports;
  const logFile = path.join(dir, "ray-start.log");
  const log = openSync(logFile, "w");
  const args = [
    "start",
    "--head",
    "--block",
    "--disable-usage-stats",
    "--node-ip-address=127.0.0.1",
    `--port=${gcs}`,
    "--dashboard-host=127.0.0.1",
    `--dashboard-port=${dashboard}`,
    `--ray-client-server-port=${client}`,
    `--node-manager-port=${nodeManager}`,
    `--object-manager-port=${objectManager}`,
    `--dashboard-agent-listen-port=${agentListen}`,
    `--dashboard-agent-grpc-port=${agentGrpc}`,
    `--dashboard-grpc-port=${dashboardGrpc}`,
    `--runtime-env-agent-port=${runtimeEnvAgent}`,
    `--metrics-export-port=${metrics}`,
    `--num-cpus=${options.numCpus ?? 4}`,
    `--temp-dir=${temp.path}`,
  ];
  const began = Date.now();
  const child = spawn(bin("ray"), args, {
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      // Without this Ray rewrites 127.0.0.1 to the machine's outward IP and listens on every interface.
      RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER: "0",
      RAY_USAGE_STATS_ENABLED: "0",
      // `python` in a job's entrypoint is Ray's Python, as on a cluster where Ray is the default Python.
      PATH: `${path.dirname(bin("python"))}${path.delimiter}${process.env.PATH ?? ""}`,
      VIRTUAL_ENV: RAY_VENV,
    },
  });
  const address = `http://127.0.0.1:${dashboard}`;
  const serveUrl = `http://127.0.0.1:${serve}`;
  const stop = async () => {
    await stopTree(child);
    if (temp.owned) rmSync(temp.path, { recursive: true, force: true });
  };
  try {
    await waitFor("/api/version answered", async () => (await fetch(`${address}/api/version`)).ok, child, logFile, 60_000);
    const headSeconds = ((Date.now() - began) / 1000).toFixed(1);
    // Serve binds its proxy only when it first starts; start it now so it never takes 0.0.0.0:8000.
    const started = await fetch(`${address}/api/serve/applications/`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ proxy_location: "HeadOnly", http_options: { host: "127.0.0.1", port: serve }, applications: [] }),
    });
    if (!started.ok) throw new Error(`starting Serve failed: ${started.status} ${await started.text()}`);
    // Any answer will do: /-/routes says 503 "Route table is not populated yet." until an app exists.
    await waitFor("Serve proxy listening", async () => Boolean(await fetch(`${serveUrl}/-/routes`)), child, logFile, 60_000);
    console.log(
      `Ray head ${address} (Serve ${serveUrl}) up in ${headSeconds} s, Serve after ${((Date.now() - began) / 1000).toFixed(1)} s; logs in ${temp.path}`,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, servePort: serve, serveUrl, ports, stop };
}
