// The real Synapse SDK for the interop tests: a project-local virtualenv (.venv-sdk/) with the pinned
// `synapse-sdk` from PyPI, so its CLI and backend client can be pointed at a running hub.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SDK_VENV = path.resolve(".venv-sdk");
// Same pin as tests/integration/runs-sdk.test.ts (what the hub installs into an SDK plugin's environment).
export const SDK_PINS = ["synapse-sdk==2026.2.17"];
const MARKER = path.join(SDK_VENV, ".synapse-pins");
export const sdkBin = (name: string) => path.join(SDK_VENV, "bin", name);

function minorOf(python: string): number {
  const probe = spawnSync(python, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], { encoding: "utf8" });
  if (probe.status !== 0 || !probe.stdout.startsWith("3.")) return NaN;
  return Number(probe.stdout.trim().split(".")[1]);
}

/**
 * pyenv's own interpreters first, 3.12 (what the hub's SDK runs use) before newer ones: the `python3.12`
 * shim on PATH refuses to run unless PYENV_VERSION names one.
 */
function candidates(): string[] {
  const found: string[] = [];
  if (process.env.SDK_PYTHON) return [process.env.SDK_PYTHON];
  const root = spawnSync("pyenv", ["root"], { encoding: "utf8" });
  const versions = root.status === 0 ? path.join(root.stdout.trim(), "versions") : "";
  if (versions && existsSync(versions)) {
    const names = readdirSync(versions).filter((name) => /^3\.(1[2-9]|[2-9]\d)\./.test(name));
    names.sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));
    for (const name of names) found.push(path.join(versions, name, "bin", "python3"));
  }
  return [...found, "python3.12", "python3.13", "python3"];
}

/** The SDK's 2026 line needs Python ≥ 3.12; SDK_PYTHON overrides the pick. */
function pickPython(): string {
  for (const candidate of candidates()) if (minorOf(candidate) >= 12) return candidate;
  throw new Error(
    "The Synapse SDK tests need Python 3.12 or newer (synapse-sdk 2026.x requires it) and none was found.\n" +
      "Install one (e.g. `pyenv install 3.12` or `apt-get install -y python3.12 python3.12-venv`) or set SDK_PYTHON to its path.",
  );
}

/** Creates or updates .venv-sdk/ when it is missing or was made for other pins; answers its python. */
export function ensureSdkVenv(): string {
  const wanted = SDK_PINS.join("\n");
  if (existsSync(sdkBin("synapse")) && existsSync(MARKER) && readFileSync(MARKER, "utf8") === wanted) return sdkBin("python");
  const started = Date.now();
  // Other pins: start over, so nothing of the old SDK lingers in site-packages.
  rmSync(SDK_VENV, { recursive: true, force: true });
  const python = pickPython();
  console.log(`Creating ${SDK_VENV} with ${python} for the Synapse SDK tests…`);
  const made = spawnSync(python, ["-m", "venv", SDK_VENV], { stdio: "inherit" });
  if (made.status !== 0) {
    rmSync(SDK_VENV, { recursive: true, force: true });
    throw new Error(`\`${python} -m venv ${SDK_VENV}\` failed; install that Python's venv module (or set SDK_PYTHON) and run the tests again.`);
  }
  console.log(`Installing ${SDK_PINS.join(" ")} into ${SDK_VENV} (about 440 MB, once)…`);
  const pip = spawnSync(sdkBin("python"), ["-m", "pip", "install", "--disable-pip-version-check", "--progress-bar", "off", ...SDK_PINS], {
    stdio: "inherit",
  });
  if (pip.status !== 0) {
    throw new Error(
      `pip could not install ${SDK_PINS.join(" ")} into ${SDK_VENV}.\n` +
        `Check that PyPI is reachable (or set PIP_INDEX_URL), then run the tests again; \`rm -rf ${SDK_VENV}\` starts over.`,
    );
  }
  writeFileSync(MARKER, wanted);
  console.log(`Synapse SDK virtualenv ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return sdkBin("python");
}

/** Whether a named test file needs the SDK's virtualenv. */
export const usesSdk = (source: string) => /SYNAPSE_SDK_PYTHON|helpers\/sdk/.test(source);
