import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// What survives a power loss cannot be observed without cutting the power; what the code asks of the
// kernel can. Under strace, every folder mkdirDurable creates must be followed by an fsync of its parent.
const root = mkdtempSync(path.join(os.tmpdir(), "durable-dir-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function traced(target: string): string[] {
  const script = `import { mkdirDurable } from "./lib/storage/durable-dir.ts"; await mkdirDurable(${JSON.stringify(target)});`;
  const result = spawnSync(
    "strace",
    [
      "-f",
      "-y",
      "-qq",
      "-e",
      "trace=mkdir,mkdirat,fsync",
      process.execPath,
      "--import",
      "tsx",
      "--import",
      "./server/register.mjs",
      "--input-type=module",
      "-e",
      script,
    ],
    { encoding: "utf8", timeout: 60_000 },
  );
  expect(result.status, result.stderr).toBe(0);
  return result.stderr.split("\n").filter((line) => line.includes(root));
}

describe("mkdirDurable", () => {
  it("fsyncs the parent of every folder it creates, after creating it", () => {
    const target = path.join(root, "blobs", "sha256", "ab", "cd");
    const calls = traced(target);
    expect(statSync(target).isDirectory()).toBe(true);
    const created = [path.join(root, "blobs"), path.join(root, "blobs", "sha256"), path.join(root, "blobs", "sha256", "ab"), target];
    for (const folder of created) {
      const made = calls.findIndex((line) => /mkdir/.test(line) && line.includes(`"${folder}"`) && line.endsWith("= 0"));
      const synced = calls.findIndex((line, i) => i > made && line.includes(`fsync(`) && line.includes(`<${path.dirname(folder)}>`));
      expect(made, `mkdir ${folder}`).toBeGreaterThanOrEqual(0);
      expect(synced, `fsync of ${path.dirname(folder)} after creating ${folder}`).toBeGreaterThan(made);
    }
  });

  it("creates only what is missing, and syncs only where it created", () => {
    const target = path.join(root, "blobs", "sha256", "ab", "ef");
    const calls = traced(target);
    expect(calls.filter((line) => /mkdir/.test(line))).toHaveLength(1);
    expect(calls.filter((line) => line.includes("fsync("))).toEqual([expect.stringContaining(`<${path.join(root, "blobs", "sha256", "ab")}>`)]);
  });
});
