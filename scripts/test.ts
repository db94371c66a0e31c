// `npm test`: the whole suite, fastest checks first. `--only unit|integration|e2e` runs one part.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureBuild, ensureClient } from "./lib/build";
import { CHROMIUM, ensureChromium } from "./lib/chromium";
import { startThrowawayHub, type ThrowawayHub } from "./lib/throwaway-hub";

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const wants = (part: string) => !only || only === part;

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`\n── ${title} ──`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${title} failed`);
  console.log(`── ${title}: ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const bin = (name: string) => `node_modules/.bin/${name}`;

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
  ensureBuild();
  console.log("\n── starting a test hub (embedded Postgres + production server) ──");
  let stack: ThrowawayHub | undefined;
  try {
    stack = await startThrowawayHub(path.resolve(".test-data", `run-${process.pid}`));
    const env = { HUB_URL: stack.hub.url, DATABASE_URL: stack.database.url, HUB_DATA_DIR: stack.dataDir, CHROMIUM_PATH: CHROMIUM };
    if (wants("integration")) run("integration tests", bin("vitest"), ["run", "--project", "integration"], env);
    if (wants("e2e")) run("browser tests (Playwright + Chromium)", bin("playwright"), ["test"], env);
  } finally {
    await stack?.stop();
  }
}

main().then(
  () => console.log("\nAll checks passed."),
  (error: Error) => {
    console.error(`\n${error.message}`);
    process.exit(1);
  },
);
