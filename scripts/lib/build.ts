// Builds the Next.js app when there is no build yet or a source file is newer than the last build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { runPrisma } from "./prisma-cli";

const SOURCES = ["app", "components", "lib", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "prisma/schema.prisma"];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Generates the Prisma client when it is missing or older than the schema (a pull that changed it). */
export function ensureClient(): void {
  const client = "lib/generated/prisma/client.ts";
  if (!existsSync(client) || statSync("prisma/schema.prisma").mtimeMs > statSync(client).mtimeMs) runPrisma(["generate"], {}, true);
}

export function buildIsStale(): boolean {
  const marker = ".next/BUILD_ID";
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

export function ensureBuild(force = false): void {
  ensureClient();
  if (!force && !buildIsStale()) return;
  console.log("Building the app (next build)…");
  const result = spawnSync(process.execPath, [nextBin(), "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed; see the output above");
}

export function nextBin(): string {
  return path.resolve("node_modules/next/dist/bin/next");
}
