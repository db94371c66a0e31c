import { describe, expect, it } from "vitest";
import { authHeaders, hubUrl, pluginZip, publish, sha256, uniqueCode } from "@/tests/helpers/hub";

const api = (path: string, init?: RequestInit) => fetch(`${hubUrl()}${path}`, init);

describe("browsing the catalog", () => {
  it("lists the seeded examples, searchable and filterable by category, with facet counts", async () => {
    const search = await (await api("/api/v1/plugins?q=CLASSIF&facets=1")).json();
    expect(search.items.map((p: { code: string }) => p.code)).toContain("tiny-classifier");
    expect(search.facets.neural_net).toBeGreaterThanOrEqual(1);
    const exports = await (await api("/api/v1/plugins?category=export&limit=100")).json();
    expect(exports.items.map((p: { code: string }) => p.code)).toContain("dataset-exporter");
    expect(exports.items.every((p: { category: string }) => p.category === "export")).toBe(true);
  });

  it("pages through every plugin exactly once with the cursor", async () => {
    for (let i = 0; i < 3; i++) expect((await publish(pluginZip({ code: uniqueCode("page") }))).status).toBe(201);
    for (const sort of ["updated", "name"]) {
      const all = await (await api(`/api/v1/plugins?sort=${sort}&limit=100`)).json();
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { code: string }[]; nextCursor: string | null } = await (
          await api(`/api/v1/plugins?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ""}`)
        ).json();
        seen.push(...page.items.map((p) => p.code));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.items.map((p: { code: string }) => p.code));
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it("answers problem+json for unknown plugins and bad queries", async () => {
    const missing = await api("/api/v1/plugins/no-such-plugin");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    expect((await missing.json()).code).toBe("plugin_not_found");
    const bad = await api("/api/v1/plugins?category=robots");
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].path).toBe("category");
    expect((await api("/api/v1/plugins?cursor=garbage")).status).toBe(422);
  });

  it("renders READMEs sanitized: no scripts, no event handlers, no javascript: links", async () => {
    const code = uniqueCode();
    const readme = `# Hi\n\n<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<a href="https://example.com" onclick="x()">ok</a>\n`;
    expect((await publish(pluginZip({ code, readme }))).status).toBe(201);
    const { readmeHtml } = await (await api(`/api/v1/plugins/${code}/versions/latest`)).json();
    expect(readmeHtml).toContain("<h2>Hi</h2>"); // shifted below the page's own h1
    expect(readmeHtml).toContain('href="https://example.com"');
    expect(readmeHtml).not.toMatch(/<script|onerror|onclick|javascript:/i);
  });

  it("publishes an OpenAPI document", async () => {
    const doc = await (await api("/api/v1/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/v1/plugins/{code}/versions/{version}/archive");
    expect(doc.paths["/api/v1/plugins"].get.responses["200"].content["application/json"].schema.properties.items).toBeDefined();
  });

  it("reports health", async () => {
    const health = await (await api("/api/health")).json();
    expect(health).toMatchObject({ status: "ok", database: { ok: true }, blobStore: { ok: true } });
  });
});

describe("downloading", () => {
  it("streams the exact bytes with ETag, Content-Length and Content-Disposition; ranges and 304 work", async () => {
    const code = uniqueCode();
    const bytes = pluginZip({ code });
    await publish(bytes);
    const url = `/api/v1/plugins/${code}/versions/1.0.0/archive`;
    const response = await api(url);
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    expect(sha256(body)).toBe(sha256(bytes));
    expect(response.headers.get("etag")).toBe(`"${sha256(bytes)}"`);
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${code}-1.0.0.zip"`);

    const partial = await api(url, { headers: { range: "bytes=10-19" } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes 10-19/${bytes.length}`);
    expect(Buffer.from(await partial.arrayBuffer())).toEqual(bytes.subarray(10, 20));
    expect((await api(url, { headers: { range: `bytes=${bytes.length}-` } })).status).toBe(416);
    expect((await api(url, { headers: { "if-none-match": `"${sha256(bytes)}"` } })).status).toBe(304);
  });
});

describe("yanking", () => {
  it("hides a version from latest but keeps it downloadable; restoring brings it back", async () => {
    const code = uniqueCode();
    await publish(pluginZip({ code, version: "1.0.0" }));
    await publish(pluginZip({ code, version: "1.1.0" }));
    const yank = await api(`/api/v1/plugins/${code}/versions/1.1.0/yank`, {
      method: "POST",
      headers: { "content-type": "application/json", ...authHeaders() },
      body: JSON.stringify({ reason: "broken" }),
    });
    expect(yank.status).toBe(200);
    expect(await yank.json()).toMatchObject({ version: "1.1.0", yanked: true, yankReason: "broken" });
    expect((await (await api(`/api/v1/plugins/${code}`)).json()).latestVersion).toBe("1.0.0");
    expect((await api(`/api/v1/plugins/${code}/versions/1.1.0/archive`)).status).toBe(200);
    await api(`/api/v1/plugins/${code}/versions/1.1.0/yank`, { method: "POST", headers: authHeaders(), body: JSON.stringify({ yanked: false }) });
    expect((await (await api(`/api/v1/plugins/${code}`)).json()).latestVersion).toBe("1.1.0");
  });
});
