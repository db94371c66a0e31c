// What integration tests need to talk to the test hub started by scripts/test.ts.
import { createHash } from "node:crypto";
import { buildZip, type RawZipEntry } from "./zip-builder";
import { configYaml } from "./plugin-config";

export function hubUrl(): string {
  const url = process.env.HUB_URL;
  if (!url) throw new Error("HUB_URL is not set: run the integration tests through `npm test` (scripts/test.ts)");
  return url;
}

/** The test admin's all-scopes token (scripts/test.ts creates it), as request headers. */
export function authHeaders(): Record<string, string> {
  const token = process.env.HUB_TOKEN;
  if (!token) throw new Error("HUB_TOKEN is not set: run the integration tests through `npm test` (scripts/test.ts)");
  return { authorization: `Bearer ${token}` };
}

export const sha256 = (bytes: Buffer | Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let unique = 0;
export const uniqueCode = (prefix = "it") => `${prefix}-${process.pid}-${Date.now().toString(36)}-${unique++}`;

/** A valid plugin zip, inside one top-level folder like the SDK builds it. */
export function pluginZip(options: {
  code: string;
  version?: string;
  category?: string;
  name?: string;
  description?: string;
  readme?: string;
  extra?: RawZipEntry[];
  salt?: string;
}): Buffer {
  const folder = options.code;
  const { code, version, category, name, description } = options;
  return buildZip([
    { name: `${folder}/config.yaml`, data: configYaml({ code, version, category, name, description }) },
    { name: `${folder}/README.md`, data: options.readme ?? `# ${options.code}\n\nA test plugin.\n` },
    { name: `${folder}/plugin/main.py`, data: `def run(ctx, params):\n    return ${JSON.stringify(options.salt ?? "ok")}\n`, deflate: true },
    ...(options.extra ?? []),
  ]);
}

export async function publish(bytes: Buffer, filename = "plugin.zip", base = hubUrl(), headers: Record<string, string> = authHeaders()): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), filename);
  return fetch(`${base}/api/v1/plugins`, { method: "POST", body: form, headers });
}

/** Signs a new member up through the API, as a browser on the hub's own pages would; returns its session cookie. */
export async function signUpMember(name: string, tag: string): Promise<string> {
  const response = await fetch(`${hubUrl()}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: hubUrl() },
    body: JSON.stringify({ name, email: `${name.toLowerCase()}-${tag}@example.com`, password: "a long enough password" }),
  });
  if (response.status !== 200) throw new Error(`signing up ${name} answered ${response.status}: ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
