import { beforeAll, describe, expect, it } from "vitest";
import { authHeaders, hubUrl, pluginZip, publish, uniqueCode } from "@/tests/helpers/hub";

// The Synapse SDK's GET /plugins/ (`search`, `category`, `page`, `page_size`) runs the hub's own
// catalog search: a case-insensitive substring of code, name or description.
const token = `zq${Date.now().toString(36)}${process.pid}`;
const plugins = {
  inCode: { code: `${token}-in-code`, category: "export" },
  inName: { code: uniqueCode("syn-name"), name: `Finder ${token.toUpperCase()}ish`, category: "custom" },
  inDescription: { code: uniqueCode("syn-desc"), description: `Looks for pre${token}post things.`, category: "custom" },
};

type Page = { count: number; next: string | null; previous: string | null; results: { code: string; category: string }[] };
const list = async (url: string): Promise<Page> => {
  const response = await fetch(url, { headers: authHeaders() });
  expect(response.status).toBe(200);
  return response.json();
};
const codes = (page: Page) => page.results.map((p) => p.code);

describe("Synapse plugin search", () => {
  beforeAll(async () => {
    for (const plugin of Object.values(plugins)) expect((await publish(pluginZip(plugin))).status).toBe(201);
  });

  it("matches a substring of the code, the name or the description, whatever its case", async () => {
    const expected = Object.values(plugins)
      .map((p) => p.code)
      .sort();
    const page = await list(`${hubUrl()}/plugins/?search=${token}`);
    expect([page.count, codes(page)]).toEqual([3, expected]); // ordered by code
    expect(codes(await list(`${hubUrl()}/plugins/?search=${token.toUpperCase().slice(1)}`))).toEqual(expected);
    // The hub's own API runs the same search.
    const hub = await (await fetch(`${hubUrl()}/api/v1/plugins?q=${token}`, { headers: authHeaders() })).json();
    expect(hub.items.map((p: { code: string }) => p.code).sort()).toEqual(expected);
    // Each list item is the plugin's summary exactly as its own page gives it (same fields and values).
    for (const item of hub.items) {
      const detail = await (await fetch(`${hubUrl()}/api/v1/plugins/${item.code}`, { headers: authHeaders() })).json();
      expect(item).toEqual(Object.fromEntries(Object.keys(item).map((key) => [key, detail[key]])));
      expect(Object.keys(item)).toEqual(["code", "name", "category", "description", "latestVersion", "versionCount", "createdAt", "updatedAt"]);
    }
  });

  it("takes LIKE wildcards literally and finds nothing it should not", async () => {
    expect((await list(`${hubUrl()}/plugins/?search=${token}%25`)).count).toBe(0);
    expect((await list(`${hubUrl()}/plugins/?search=${token.slice(0, 4)}_${token.slice(5)}`)).count).toBe(0);
    expect((await list(`${hubUrl()}/plugins/?search=${token}-in-name`)).count).toBe(0);
  });

  it("filters by category", async () => {
    const page = await list(`${hubUrl()}/plugins/?search=${token}&category=custom`);
    expect(codes(page)).toEqual([plugins.inName.code, plugins.inDescription.code].sort());
    expect(page.results.every((p) => p.category === "custom")).toBe(true);
    expect(codes(await list(`${hubUrl()}/plugins/?search=${token}&category=export`))).toEqual([plugins.inCode.code]);
  });

  it("pages with next and previous links that keep the search and the filter", async () => {
    const seen: string[] = [];
    let page = await list(`${hubUrl()}/plugins/?search=${token}&page_size=1`);
    expect(page.previous).toBeNull();
    for (let number = 1; ; number++) {
      expect(page.count).toBe(3);
      seen.push(...codes(page));
      if (!page.next) break;
      const next = new URL(page.next);
      expect([next.pathname, next.searchParams.get("search"), next.searchParams.get("page"), next.searchParams.get("page_size")]).toEqual([
        "/plugins/",
        token,
        String(number + 1),
        "1",
      ]);
      page = await list(page.next);
      expect(new URL(page.previous!).searchParams.get("page")).toBe(String(number));
    }
    expect(seen).toEqual(
      Object.values(plugins)
        .map((p) => p.code)
        .sort(),
    );
    const beyond = await list(`${hubUrl()}/plugins/?search=${token}&page=9&page_size=1`);
    expect([beyond.count, beyond.results, beyond.next]).toEqual([3, [], null]);
  });
});
