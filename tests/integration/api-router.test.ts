import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { HubProcess } from "@/scripts/lib/hub-process";
import { findRouteFiles } from "@/server/route-files";
import { publicPath } from "@/server/synapse-paths";
import { hubUrl } from "@/tests/helpers/hub";
import { startSiblingHub } from "@/tests/helpers/sibling-hub";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** The methods a route file exports, read from its source (importing it would need the server's context). */
function exportedMethods(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return METHODS.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b`).test(source));
}

describe("the production API router", () => {
  it("lists every route file and each of its methods in /api/v1/openapi.json, with a summary", async () => {
    const response = await fetch(`${hubUrl()}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { paths: Record<string, Record<string, { summary: string }>> };
    const files = findRouteFiles(path.resolve("app"));
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const methods = exportedMethods(file.file);
      expect(methods.length, file.file).toBeGreaterThan(0);
      for (const method of methods) {
        const operation = doc.paths[publicPath(file.template)]?.[method.toLowerCase()];
        expect(operation, `${method} ${file.template} (${file.file})`).toBeDefined();
        expect(operation.summary, file.file).not.toMatch(/^(GET|POST|PUT|PATCH|DELETE) \//);
      }
    }
    // Schemas come through: the catalog's query parameters and the token body.
    expect(JSON.stringify(doc.paths["/api/v1/plugins"].get)).toContain('"name":"q"');
    expect(JSON.stringify(doc.paths["/api/v1/tokens"].post)).toContain("expiresInDays");
  });

  it("answers an unknown /api path with problem+json, not Next's HTML page", async () => {
    const response = await fetch(`${hubUrl()}/api/v1/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(((await response.json()) as { code: string }).code).toBe("not_found");
  });

  it("answers OPTIONS with the methods a route has", async () => {
    const response = await fetch(`${hubUrl()}/api/v1/plugins`, { method: "OPTIONS" });
    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
  });

  it("serves better-auth's catch-all with its segments", async () => {
    const response = await fetch(`${hubUrl()}/api/auth/get-session`);
    expect(response.status).toBe(200);
    expect(await response.json()).toBeNull();
  });
});

describe("the development server (npm run dev)", () => {
  let hub: HubProcess | undefined;
  afterAll(async () => hub?.stop());

  it("serves pages and the API, and unknown /api paths as problem+json", { timeout: 240_000 }, async () => {
    hub = await startSiblingHub({ dev: true });
    const list = await fetch(`${hub.url}/api/v1/plugins?limit=1`);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
    const missing = await fetch(`${hub.url}/api/v1/no-such-thing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    const synapse = await fetch(`${hub.url}/plugins/`, { headers: { accept: "application/json" } });
    expect(((await synapse.json()) as { count: number }).count).toBeGreaterThan(0);
    const page = await fetch(`${hub.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<html");
  });
});
