import { describe, expect, it } from "vitest";
import { buildCatalogIndex, searchCatalogIndex, type IndexedPlugin } from "./catalog-index";
import { listQuerySchema } from "./schemas";

// Postgres's side (orders, keys, lowered text) is given here as Postgres would give it; that the two
// paths agree on real data is tests/integration/catalog-index.test.ts.
function plugin(code: string, name: string, category: string, updatedRank: number, description = ""): IndexedPlugin {
  return {
    id: `00000000-0000-4000-8000-${String(updatedRank).padStart(12, "0")}`,
    code,
    name,
    category: category as IndexedPlugin["category"],
    description,
    latestVersion: "1.0.0",
    versionCount: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: `2026-01-0${9 - updatedRank}T00:00:00.000Z`,
    text: `${name} ${code} ${description}`.toLowerCase(),
    nameKey: name.toLowerCase(),
    updatedRank,
  };
}

// Name order; updatedRank 0 is the most recently updated.
const plugins = [
  plugin("alpha", "Alpha Vision", "export", 2, "Finds cats"),
  plugin("beta", "Beta", "custom", 0, "Vision for dogs"),
  plugin("gamma", "Gamma Speech", "export", 3),
  plugin("delta", "Zeta Vision", "custom", 1, "x"),
];
const index = await buildCatalogIndex(plugins, true);

type Page = { items: { code: string }[]; nextCursor: string | null; facets?: Record<string, number> };
const search = (params: Record<string, string>, cursor?: [string, string]): Page | undefined => {
  const json = searchCatalogIndex(index, listQuerySchema.parse(params), cursor);
  return json === undefined ? undefined : (JSON.parse(json) as Page);
};
const codes = (page: Page | undefined) => page?.items.map((item) => item.code);

describe("searchCatalogIndex", () => {
  it("matches a substring of name, code or description in either sort order, whatever the term's case", () => {
    expect(codes(search({ q: "VISION", sort: "name" }))).toEqual(["alpha", "beta", "delta"]);
    expect(codes(search({ q: "vision", sort: "updated" }))).toEqual(["beta", "delta", "alpha"]);
    expect(codes(search({ q: "ta", sort: "name" }))).toEqual(["beta", "delta"]); // shorter than a trigram
    expect(codes(search({ q: "a v" }))).toEqual(["beta", "delta", "alpha"]); // across words
    expect(codes(search({ q: "qqq" }))).toEqual([]); // a trigram no plugin has
  });

  it("pages by cursor and says when there is no next page", () => {
    const first = search({ q: "vision", sort: "name", limit: "2" })!;
    expect([codes(first), first.nextCursor]).toEqual([["alpha", "beta"], expect.any(String)]);
    const [key, id] = JSON.parse(Buffer.from(first.nextCursor!, "base64url").toString()) as [string, string];
    expect(key).toBe("beta");
    const second = search({ q: "vision", sort: "name", limit: "2" }, [key, id])!;
    expect([codes(second), second.nextCursor]).toEqual([["delta"], null]);
    expect(codes(search({ sort: "updated", limit: "1" }, ["2026-01-09T00:00:00.000Z", index.plugins[1].id]))).toEqual(["delta"]);
  });

  it("counts every match per category, ignoring the category filter and the page", () => {
    const page = search({ q: "vision", category: "custom", limit: "1", facets: "1" })!;
    expect(codes(page)).toEqual(["beta"]);
    expect(page.facets).toEqual({ custom: 2, export: 1 });
    expect(search({ facets: "1" })!.facets).toEqual({ custom: 2, export: 2 });
    expect(search({ q: "qqq", facets: "1" })!.facets).toEqual({});
    const none = search({ q: "vision", category: "upload", facets: "1" })!; // a category no plugin has
    expect([codes(none), none.nextCursor, none.facets]).toEqual([[], null, { custom: 2, export: 1 }]);
    expect(codes(search({ q: "vision", category: "upload", sort: "name" }))).toEqual([]);
  });

  it("declines terms beyond printable ASCII, cursors it cannot place, and terms when Postgres folds ASCII otherwise", async () => {
    expect(search({ q: "visión" })).toBeUndefined();
    expect(search({ q: "a\tb" })).toBeUndefined();
    expect(search({ sort: "name" }, ["beta", "00000000-0000-4000-8000-999999999999"])).toBeUndefined(); // gone
    expect(search({ sort: "name" }, ["bet", index.plugins[1].id])).toBeUndefined(); // renamed since
    const turkish = await buildCatalogIndex(plugins, false);
    expect(searchCatalogIndex(turkish, listQuerySchema.parse({ q: "vision" }), undefined)).toBeUndefined();
    expect(searchCatalogIndex(turkish, listQuerySchema.parse({}), undefined)).toBeDefined();
  });
});
