// Playwright cannot download browsers on this network; the suite uses Debian's Chromium.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install it with:\n  sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to an existing Chromium)`);
  }
  console.log("Installing Debian's chromium for the browser tests (apt-get install -y chromium)…");
  const apt = (...args: string[]) => execFileSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  try {
    apt("install", "-y", "--no-install-recommends", "chromium");
  } catch {
    apt("update"); // a fresh machine may have no package lists yet
    apt("install", "-y", "--no-install-recommends", "chromium");
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
}
