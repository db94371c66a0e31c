import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { HubProcess } from "@/scripts/lib/hub-process";
import { authHeaders, pluginZip, publish, uniqueCode } from "@/tests/helpers/hub";
import { startSiblingHub } from "@/tests/helpers/sibling-hub";

const databaseUrl = () => process.env.DATABASE_URL!;
const dataDir = () => process.env.HUB_DATA_DIR!;
const started: HubProcess[] = [];
afterAll(async () => Promise.all(started.map((hub) => hub.stop("SIGKILL"))));

async function secondHub(env: Record<string, string> = {}): Promise<HubProcess> {
  const hub = await startSiblingHub({ env });
  started.push(hub);
  return hub;
}

/** Sends the head of a multipart upload, then stalls, like a slow client; resolves once the server has read some. */
function startSlowUpload(base: string, bytes: Buffer): Promise<http.ClientRequest> {
  const boundary = "----crash-test";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.zip"\r\nContent-Type: application/zip\r\n\r\n`);
  const request = http.request(`${base}/api/v1/plugins`, {
    method: "POST",
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      "content-length": head.length + bytes.length + boundary.length + 8,
      ...authHeaders(),
    },
  });
  request.on("error", () => {}); // the server is about to die mid-request
  request.write(head);
  request.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
  return new Promise((resolve) => setTimeout(() => resolve(request), 1000));
}

describe("a server killed in the middle of an upload", () => {
  it("leaves no row without its blob, and the retried upload succeeds", async () => {
    const code = uniqueCode("crash");
    const bytes = pluginZip({ code, extra: [{ name: `${code}/data.bin`, data: Buffer.alloc(3 << 20, 9) }] });
    const victim = await secondHub();
    const upload = await startSlowUpload(victim.url, bytes);
    await victim.stop("SIGKILL");
    upload.destroy();

    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ sha256: string }>("SELECT sha256 FROM plugin_versions");
      const missing = rows.filter((r) => !existsSync(path.join(dataDir(), "blobs", "sha256", r.sha256.slice(0, 2), r.sha256.slice(2, 4), r.sha256)));
      expect(rows.length).toBeGreaterThan(0);
      expect(missing).toEqual([]);
      expect((await client.query("SELECT 1 FROM plugins WHERE code = $1", [code])).rowCount).toBe(0);
    } finally {
      await client.end();
    }

    const restarted = await secondHub();
    const retry = await publish(bytes, "p.zip", restarted.url);
    expect(retry.status).toBe(201);
  });
});

describe("several instances on one database", () => {
  it("see each other's publishes at once, although each caches catalog pages", async () => {
    const other = await secondHub();
    const code = uniqueCode("fanout");
    const list = async () => (await (await fetch(`${process.env.HUB_URL}/api/v1/plugins?q=${code}`)).json()).items as { code: string }[];
    expect(await list()).toEqual([]); // now cached on the first instance
    expect((await publish(pluginZip({ code }), "p.zip", other.url)).status).toBe(201);
    const deadline = Date.now() + 3000;
    let seen = await list();
    while (seen.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await list();
    }
    expect(seen.map((p) => p.code)).toEqual([code]);
  });
});

describe("the compressed size limit", () => {
  it("refuses an upload larger than ARCHIVE_MAX_BYTES with 413", async () => {
    const small = await secondHub({ ARCHIVE_MAX_BYTES: String(64 * 1024) });
    const code = uniqueCode();
    const response = await publish(pluginZip({ code, extra: [{ name: `${code}/noise.bin`, data: Buffer.alloc(200 * 1024, 3) }] }), "p.zip", small.url);
    expect(response.status).toBe(413);
    expect((await response.json()).code).toBe("archive_too_large");

    // Streamed without a Content-Length: refused while reading, and the answer still arrives.
    const chunks = Array.from({ length: 8 }, () => new Uint8Array(32 * 1024).fill(7));
    const body = new ReadableStream({ pull: (controller) => (chunks.length ? controller.enqueue(chunks.shift()) : controller.close()) });
    const streamed = await fetch(`${small.url}/api/v1/plugins`, {
      method: "POST",
      headers: { "content-type": "application/zip", ...authHeaders() },
      body,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).code).toBe("archive_too_large");
  });
});
