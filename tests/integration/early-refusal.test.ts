import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hubUrl, pluginZip, signUpMember, uniqueCode } from "@/tests/helpers/hub";

// A publisher who may not publish is refused before the archive is read: the answer arrives while
// the client is still sending (here: a 50 MiB upload of which only the first MiB is ever sent), and
// ordinary clients that send everything first still read it.
const MiB = 1024 * 1024;
const BIG = 50 * MiB;
const code = uniqueCode("early");
const origin = () => ({ origin: hubUrl() });
const scratch = mkdtempSync(path.join(os.tmpdir(), "early-refusal-"));
const bigFile = path.join(scratch, "big.zip");
let tokens: Record<"readOnly" | "otherPlugin" | "member" | "owner", string>;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const signUp = (name: string) => signUpMember(name, code);

async function token(cookie: string, scopes: string[]): Promise<string> {
  const response = await fetch(`${hubUrl()}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, ...origin() },
    body: JSON.stringify({ name: scopes.join("+"), scopes, expiresInDays: 1 }),
  });
  expect(response.status).toBe(201);
  return (await response.json()).token;
}

beforeAll(async () => {
  const [owner, member] = [await signUp("Owner"), await signUp("Member")];
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(pluginZip({ code }))]), "p.zip");
  expect((await fetch(`${hubUrl()}/api/v1/plugins`, { method: "POST", body: form, headers: { cookie: owner, ...origin() } })).status).toBe(201);
  tokens = {
    readOnly: await token(owner, ["read"]),
    otherPlugin: await token(owner, ["publish:something-else"]),
    member: await token(member, ["publish"]),
    owner: await token(owner, [`publish:${code}`]),
  };
  writeFileSync(bigFile, Buffer.alloc(BIG, 7));
});

type Answer = { status: number; body: { code?: string }; ms: number };

/**
 * Declares a 50 MiB body, sends its head and one MiB, and never the rest: an answer can only come
 * from a server that decided without reading the body.
 */
function halfUpload(url: string, secret: string, head: Buffer = Buffer.alloc(0), type = "application/zip"): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: "POST",
      headers: { "content-type": type, "content-length": String(head.length + BIG), authorization: `Bearer ${secret}` },
    });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error("no answer within 10 s although the body never finished"));
    }, 10_000);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || "{}"), ms: performance.now() - started });
        request.destroy();
      });
    });
    request.on("error", () => {}); // destroyed above once answered
    request.write(head);
    request.write(Buffer.alloc(MiB, 7));
  });
}

const BOUNDARY = "----early-refusal";
function multipartHead(fields: Record<string, string>): Buffer {
  const parts = Object.entries(fields).map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return Buffer.from(
    `${parts.join("")}--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="p.zip"\r\nContent-Type: application/zip\r\n\r\n`,
  );
}
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

describe("a publisher who may not publish is refused before the upload", () => {
  it("a token without any publish scope, raw or multipart", async () => {
    const raw = await halfUpload(`${hubUrl()}/api/v1/plugins`, tokens.readOnly);
    expect([raw.status, raw.body.code]).toEqual([403, "insufficient_scope"]);
    const form = await halfUpload(`${hubUrl()}/api/v1/plugins`, tokens.readOnly, multipartHead({}), MULTIPART);
    expect([form.status, form.body.code]).toEqual([403, "insufficient_scope"]);
    const sdk = await halfUpload(`${hubUrl()}/plugin_releases/`, tokens.readOnly, multipartHead({ plugin: code }), MULTIPART);
    expect([sdk.status, sdk.body.code]).toEqual([403, "insufficient_scope"]);
    console.log(`refusals answered after ${[raw, form, sdk].map((a) => a.ms.toFixed(0)).join(", ")} ms, 1 of 50 MiB sent`);
  });

  it("a plugin named by ?plugin= that the token's scope does not cover, or that belongs to someone else", async () => {
    const scoped = await halfUpload(`${hubUrl()}/api/v1/plugins?plugin=${code}`, tokens.otherPlugin);
    expect([scoped.status, scoped.body.code]).toEqual([403, "insufficient_scope"]);
    const owned = await halfUpload(`${hubUrl()}/api/v1/plugins?plugin=${code}`, tokens.member);
    expect([owned.status, owned.body.code]).toEqual([403, "forbidden"]);
  });

  it("a plugin named by the multipart plugin field, on /api/v1/plugins and on the Synapse route", async () => {
    const v1 = await halfUpload(`${hubUrl()}/api/v1/plugins`, tokens.member, multipartHead({ plugin: code }), MULTIPART);
    expect([v1.status, v1.body.code]).toEqual([403, "forbidden"]);
    const sdk = await halfUpload(`${hubUrl()}/plugin_releases/`, tokens.member, multipartHead({ plugin: code, debug: "False" }), MULTIPART);
    expect([sdk.status, sdk.body.code]).toEqual([403, "forbidden"]);
    const scoped = await halfUpload(`${hubUrl()}/plugin_releases/`, tokens.otherPlugin, multipartHead({ plugin: code }), MULTIPART);
    expect([scoped.status, scoped.body.code]).toEqual([403, "insufficient_scope"]);
  });

  it("lets the allowed publisher through, and refuses an archive that is not the plugin it named", async () => {
    const form = new FormData();
    form.append("plugin", code);
    form.append("file", new Blob([new Uint8Array(pluginZip({ code, version: "2.0.0" }))]), "p.zip");
    const allowed = await fetch(`${hubUrl()}/api/v1/plugins`, { method: "POST", body: form, headers: { authorization: `Bearer ${tokens.owner}` } });
    expect(allowed.status).toBe(201);

    const other = uniqueCode("early-other");
    const mismatch = await fetch(`${hubUrl()}/api/v1/plugins?plugin=${code}`, {
      method: "POST",
      body: new Uint8Array(pluginZip({ code: other })),
      headers: { "content-type": "application/zip", authorization: `Bearer ${tokens.owner}` },
    });
    expect(mismatch.status).toBe(422);
    expect((await mismatch.json()).errors).toEqual([{ path: "plugin", message: expect.stringContaining(other) }]);
  });
});

describe("clients that send the whole body before reading still get the refusal, not a reset", () => {
  it("Node fetch", async () => {
    const started = performance.now();
    const response = await fetch(`${hubUrl()}/api/v1/plugins`, {
      method: "POST",
      body: new Uint8Array(BIG),
      headers: { "content-type": "application/zip", authorization: `Bearer ${tokens.readOnly}` },
    });
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe("insufficient_scope");
    console.log(`fetch: 403 after ${(performance.now() - started).toFixed(0)} ms`);
  });

  it("curl -F", () => {
    const result = spawnSync(
      "curl",
      ["-sS", "-o", "-", "-w", "\n%{http_code}", "-H", `Authorization: Bearer ${tokens.readOnly}`, "-F", `file=@${bigFile}`, `${hubUrl()}/api/v1/plugins`],
      { encoding: "utf8", timeout: 30_000 },
    );
    const [body, status] = result.stdout.trim().split("\n");
    expect(status).toBe("403");
    expect(JSON.parse(body).code).toBe("insufficient_scope");
  });

  it("Python requests", () => {
    const script = [
      "import json, sys, requests",
      "with open(sys.argv[1], 'rb') as f:",
      "    r = requests.post(sys.argv[2], files={'plugin': (None, sys.argv[4]), 'file': ('p.zip', f)}, headers={'Authorization': 'Token ' + sys.argv[3]})",
      "print(r.status_code, r.json()['code'])",
    ].join("\n");
    const result = spawnSync("python3", ["-c", script, bigFile, `${hubUrl()}/plugin_releases/`, tokens.member, code], { encoding: "utf8", timeout: 30_000 });
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe("403 forbidden");
  });
});
