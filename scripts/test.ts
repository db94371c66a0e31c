// `npm test`: the whole suite, fastest checks first. `--only unit|integration|e2e` runs one part.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureBuild, ensureClient } from "./lib/build";
import { CHROMIUM, ensureChromium } from "./lib/chromium";
import { bootstrapAdmin } from "./lib/bootstrap-admin";
import { ensureRayVenv, startRayHead } from "./lib/ray";
import { ensureSdkVenv, sdkBin, usesSdk } from "./lib/sdk";
import { startThrowawayHub, type ThrowawayHub } from "./lib/throwaway-hub";

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const wants = (part: string) => !only || only === part;
// `npm run test:integration -- tests/integration/limits.test.ts` runs only the files named (npm drops the `--`).
const files = process.argv.slice(2).filter((arg) => arg.endsWith(".ts"));

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`\n── ${title} ──`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${title} failed`);
  console.log(`── ${title}: ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const bin = (name: string) => `node_modules/.bin/${name}`;

// Ray costs ~600 MB and a few seconds: start it for the whole suite, or when a named file uses it.
const needsRay = () => files.length === 0 || files.some((file) => existsSync(file) && /RAY_ADDRESS|helpers\/ray/.test(readFileSync(file, "utf8")));

// The Synapse SDK's virtualenv (~440 MB, ~1 min once): for the whole suite, or when a named file uses it.
const needsSdk = () => files.length === 0 || files.some((file) => existsSync(file) && usesSdk(readFileSync(file, "utf8")));

/** A fresh hub (embedded Postgres + production server) for one part of the suite. */
async function withHub(name: string, body: (stack: ThrowawayHub) => Promise<void>): Promise<void> {
  console.log(`\n── starting a fresh hub for the ${name} tests ──`);
  const stack = await startThrowawayHub(path.resolve(".test-data", `${name}-${process.pid}`));
  try {
    await body(stack);
  } finally {
    await stack.stop();
  }
}

async function main(): Promise<void> {
  ensureClient();
  if (!only) {
    run("type-check", bin("tsc"), ["--noEmit"]);
    run("lint", bin("eslint"), ["--max-warnings=0", "."]);
    run("format check (prettier)", bin("prettier"), ["--check", "."]);
  }
  if (wants("unit")) run("unit tests", bin("vitest"), ["run", "--project", "unit"]);
  if (!wants("integration") && !wants("e2e")) return;

  if (wants("e2e")) ensureChromium();
  const withRay = wants("integration") && needsRay();
  if (withRay) ensureRayVenv();
  const sdkPython = wants("integration") && needsSdk() ? ensureSdkVenv() : undefined;
  ensureBuild();
  if (wants("integration")) {
    // A real Ray head for the Ray backend's tests, starting while the hub below starts (Ray takes ~4 s,
    // Serve ~5 s more). Only the test process learns its address: that hub keeps the local backend as
    // its default, and the Ray tests start a sibling hub with RAY_ADDRESS.
    const rayDir = path.resolve(".test-data", `ray-${process.pid}`);
    const rayStarting = withRay ? startRayHead(rayDir) : undefined;
    rayStarting?.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
    try {
      await withHub("integration", async (stack) => {
        // An admin and its token exist before the tests start; the journeys below start from nothing.
        const { token, cookie } = await bootstrapAdmin(stack.hub.url);
        const ray = await rayStarting;
        const env = {
          HUB_URL: stack.hub.url,
          DATABASE_URL: stack.database.url,
          HUB_DATA_DIR: stack.dataDir,
          HUB_TOKEN: token,
          HUB_ADMIN_COOKIE: cookie,
          ...(ray && { RAY_ADDRESS: ray.address, RAY_SERVE_URL: ray.serveUrl }),
          ...(sdkPython && { SYNAPSE_SDK_PYTHON: sdkPython, SYNAPSE_SDK_BIN: sdkBin("synapse") }),
        };
        run("integration tests", bin("vitest"), ["run", "--project", "integration", ...files], env);
      });
    } finally {
      const ray = await rayStarting?.catch(() => undefined);
      await ray?.stop();
      if (withRay) rmSync(rayDir, { recursive: true, force: true });
    }
  }
  if (wants("e2e")) {
    await withHub("e2e", async (stack) =>
      run("browser tests (Playwright + Chromium)", bin("playwright"), ["test", ...files.filter((f) => f.startsWith("e2e/"))], {
        HUB_URL: stack.hub.url,
        DATABASE_URL: stack.database.url,
        CHROMIUM_PATH: CHROMIUM,
      }),
    );
  }
}

main().then(
  () => console.log("\nAll checks passed."),
  (error: Error) => {
    console.error(`\n${error.message}`);
    process.exit(1);
  },
);
