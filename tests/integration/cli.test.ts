import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authHeaders, hubUrl, sha256 } from "@/tests/helpers/hub";

const work = mkdtempSync(path.join(os.tmpdir(), "cli-it-"));
const env = { ...process.env, SYNAPSE_HUB_CONFIG: path.join(work, "home", "config.json"), SYNAPSE_HUB_HOST: "", SYNAPSE_HUB_TOKEN: "" };

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [path.resolve("cli/bin.mjs"), ...args], { encoding: "utf8", env, cwd: work });
  return { code: result.status, out: result.stdout, err: result.stderr, json: () => JSON.parse(result.stdout) };
}

/** A copy of an example plugin under a new version, with junk the archive must leave out. */
function exampleCopy(name: string, version: string): string {
  const folder = path.join(work, `${name}-${version}`);
  cpSync(path.resolve("examples/plugins", name), folder, { recursive: true });
  const config = path.join(folder, "config.yaml");
  writeFileSync(config, readFileSync(config, "utf8").replace(/^version: .*$/m, `version: ${version}`));
  mkdirSync(path.join(folder, "plugin", "__pycache__"), { recursive: true });
  writeFileSync(path.join(folder, "plugin", "__pycache__", "x.cpython-311.pyc"), "junk");
  mkdirSync(path.join(folder, ".venv", "lib"), { recursive: true });
  writeFileSync(path.join(folder, ".venv", "lib", "site.py"), "junk");
  writeFileSync(path.join(folder, "run.log"), "junk");
  return folder;
}

describe("the synapse-hub CLI against the running hub", () => {
  it("logs in, keeping host and token in a file only its owner can read", () => {
    const token = authHeaders().authorization.replace("Bearer ", "");
    const result = cli("login", "--host", hubUrl(), "--token", token);
    expect(result.code).toBe(0);
    expect(statSync(env.SYNAPSE_HUB_CONFIG).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(env.SYNAPSE_HUB_CONFIG, "utf8"))).toEqual({ host: hubUrl(), token });
  });

  it.each(["tiny-classifier", "dataset-exporter"])("publishes the %s example folder; the download is byte-identical to what it built", (name) => {
    const version = `2.0.${Date.now() % 100000}`;
    const folder = exampleCopy(name, version);
    const packed = cli("pack", folder, "-o", path.join(work, `${name}.zip`), "--json").json();
    expect(packed.files.some((f: string) => f.includes("__pycache__") || f.startsWith(".venv") || f.endsWith(".log"))).toBe(false);

    const published = cli("publish", folder, "--json");
    expect(published.code).toBe(0);
    expect(published.json()).toMatchObject({ created: true, plugin: { code: name }, version: { version, sha256: packed.sha256 } });

    const target = path.join(work, `${name}-downloaded.zip`);
    const downloaded = cli("download", `${name}@${version}`, "-o", target, "--json");
    expect(downloaded.code).toBe(0);
    expect(readFileSync(target).equals(readFileSync(packed.archive))).toBe(true);
    expect(sha256(readFileSync(target))).toBe(packed.sha256);
  });

  it("lists plugins and versions, and yanks", () => {
    expect(
      cli("plugins", "exporter", "--json")
        .json()
        .items.map((p: { code: string }) => p.code),
    ).toContain("dataset-exporter");
    const version = `3.0.${Date.now() % 100000}`;
    expect(cli("publish", exampleCopy("dataset-exporter", version)).code).toBe(0);
    expect(cli("yank", `dataset-exporter@${version}`, "--reason", "test").code).toBe(0);
    const listed = cli("versions", "dataset-exporter", "--json").json();
    expect(listed.find((v: { version: string }) => v.version === version)).toMatchObject({ yanked: true, yankReason: "test" });
    expect(cli("versions", "dataset-exporter").out).toMatch(/yanked: test/);
  });

  it("fails clearly, with exit code 1 for failed operations and 2 for bad usage", () => {
    const broken = path.join(work, "broken");
    mkdirSync(broken, { recursive: true });
    writeFileSync(path.join(broken, "config.yaml"), "name: Broken\nversion: 1.0\ncategory: custom\ndescription: x\nactions:\n  run:\n    entrypoint: a.b:c\n");
    const failed = cli("publish", broken);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain("[config_invalid]");
    expect(failed.err).toContain("2:10 version:");

    expect(cli("versions", "no-such-plugin").code).toBe(1);
    expect(cli("frobnicate").code).toBe(2);
    expect(cli("publish", "--bogus").code).toBe(2);
    expect(cli("yank", "dataset-exporter").code).toBe(2);
    const unreachable = cli("plugins", "--host", "http://127.0.0.1:9");
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toContain("Cannot reach the hub");
  });

  it("names the plugin it publishes, so the hub can refuse a token before the upload", async () => {
    // A stand-in hub that records what the CLI asks for and refuses at once, as the hub does.
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.url ?? "");
      res.writeHead(403, { "content-type": "application/problem+json" });
      res.end(JSON.stringify({ status: 403, code: "insufficient_scope", detail: "This token lacks the publish scope." }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const run = (source: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [path.resolve("cli/bin.mjs"), "publish", source, "--host", host, "--token", "shub_x"], {
          env,
          cwd: work,
          stdio: "ignore",
        });
        child.on("exit", resolve);
      });
    try {
      const folder = exampleCopy("tiny-classifier", "9.9.9");
      expect(await run(folder)).toBe(1);
      const zip = path.join(work, "tiny.zip");
      expect(cli("pack", folder, "-o", zip).code).toBe(0);
      expect(await run(zip)).toBe(1);
      expect(seen).toEqual(["/api/v1/plugins?plugin=tiny-classifier", "/api/v1/plugins?plugin=tiny-classifier"]);
    } finally {
      server.close();
    }
  });
});
