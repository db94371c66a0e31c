// The catalog's in-memory index (lib/registry/catalog-index.ts) must answer every catalog query with
// exactly the bytes Postgres's path answers, or decline. This compares the two on a catalog built to
// have what makes them differ if anything does: mixed case, names equal but for case, ties on the
// sort keys (so only the id orders them), non-ASCII text, LIKE's wildcards, and pages walked by cursor.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { NOTIFY_CATALOG_SQL } from "@/lib/events/catalog-changes";
import { searchCatalogIndex, type CatalogIndex } from "@/lib/registry/catalog-index";
import { loadCatalogIndex } from "@/lib/registry/catalog-index-load";
import { decodeCursor } from "@/lib/registry/catalog-json";
import { listPluginsFromPostgres } from "@/lib/registry/list-plugins";
import { listQuerySchema, type ListQuery } from "@/lib/registry/schemas";
import type { HubProcess } from "@/scripts/lib/hub-process";
import { hubUrl, pluginZip, publish, uniqueCode } from "@/tests/helpers/hub";
import { startSiblingHub } from "@/tests/helpers/sibling-hub";

const prefix = `cidx${Date.now().toString(36)}`;
const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
let index: CatalogIndex;
let hub: HubProcess | undefined;

beforeAll(async () => {
  await db.connect();
  // 1,200 listed plugins, a debug-only one (not listed), and edge cases; updated_at repeats every 7
  // rows and names repeat (in another case) every 50, so ties are common in both orders.
  await db.query(
    `INSERT INTO plugins (id, code, name, category, description, latest_version, version_count, created_at, updated_at)
     SELECT gen_random_uuid(), $1 || '-' || i,
       (CASE WHEN (i / 50) % 2 = 0 THEN 'Vision ' ELSE 'vision ' END) || (ARRAY['Speech', 'Text', 'Äudio', 'Graph_50%', 'Tracking'])[1 + i % 5] || ' ' || (i % 50) || ' ' || $1,
       (ARRAY['neural_net', 'export', 'upload', 'smart_tool', 'custom'])[1 + (i / 3) % 5],
       'Plugin ' || i || ' for ' || (ARRAY['detection', 'Segmentation', 'straße', 'a\\b', 'ÉCLAIR'])[1 + i % 5] || ' pipelines.',
       '1.0.' || (i % 4), CASE WHEN i = 1 THEN 0 ELSE 1 + i % 5 END,
       timestamptz '2026-01-01' + (i / 7) * interval '1 minute', timestamptz '2026-01-01' + (i / 7) * interval '1 minute'
     FROM generate_series(1, 1200) AS i`,
    [prefix],
  );
  await db.query(NOTIFY_CATALOG_SQL);
  const loaded = await loadCatalogIndex(100_000);
  if (!loaded) throw new Error("the test catalog did not fit the index");
  index = loaded;
});

afterAll(async () => {
  await hub?.stop("SIGKILL");
  await db.query("DELETE FROM plugins WHERE code LIKE $1", [`${prefix}-%`]);
  await db.query(NOTIFY_CATALOG_SQL); // the suite's hub forgets them too
  await db.end();
  await pool().end();
});

const query = (params: Record<string, string>): ListQuery => listQuerySchema.parse(params);
const fromIndex = (q: ListQuery) => searchCatalogIndex(index, q, q.cursor ? decodeCursor(q.cursor) : undefined);
const fromPostgres = (q: ListQuery) => listPluginsFromPostgres(q, q.cursor ? decodeCursor(q.cursor) : undefined);

const TERMS = [
  undefined,
  prefix,
  "vision",
  "VISION sp",
  "ion",
  "1",
  "12 ",
  "io",
  "a\\b",
  "50%",
  "h_5",
  "_",
  "%",
  "plugin 1199 for",
  "zzzz",
  `track${"x".repeat(150)}`,
];

describe("the catalog index", () => {
  it("gives Postgres's bytes for every query it answers, and answers every printable ASCII term", async () => {
    let compared = 0;
    for (const q of TERMS)
      for (const category of [undefined, "export", "custom"])
        for (const sort of ["updated", "name"])
          for (const [limit, facets] of [
            ["1", "1"],
            ["7", "0"],
            ["100", "1"],
          ]) {
            const params = query({ ...(q ? { q } : {}), ...(category ? { category } : {}), sort, limit, facets });
            const indexed = fromIndex(params);
            expect(indexed, JSON.stringify(params)).toBeDefined();
            expect(indexed, JSON.stringify(params)).toBe(await fromPostgres(params));
            compared++;
          }
    expect(compared).toBe(TERMS.length * 3 * 2 * 3);
  });

  it("walks the same pages as Postgres, cursor by cursor, to the end", async () => {
    for (const [q, sort, category] of [
      [prefix, "name", undefined],
      [prefix, "updated", "upload"],
      ["vision", "updated", undefined],
      [undefined, "name", "smart_tool"],
    ]) {
      let cursor: string | null = null;
      let pages = 0;
      let seen = 0;
      do {
        const params = query({
          ...(q ? { q } : {}),
          ...(category ? { category } : {}),
          sort: sort!,
          limit: "97",
          facets: pages % 2 ? "1" : "0",
          ...(cursor ? { cursor } : {}),
        });
        const indexed = fromIndex(params);
        expect(indexed).toBe(await fromPostgres(params));
        const page = JSON.parse(indexed!) as { items: unknown[]; nextCursor: string | null };
        seen += page.items.length;
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBeGreaterThan(1);
      if (q === prefix && !category) expect(seen).toBe(1199); // every listed one; the debug-only plugin is not
    }
  });

  it("declines what only Postgres can answer exactly: non-ASCII terms, and cursors whose plugin moved or went", async () => {
    expect(fromIndex(query({ q: "Äudio" }))).toBeUndefined();
    expect(fromIndex(query({ q: "straße" }))).toBeUndefined();
    expect(fromIndex(query({ q: "tab\there" }))).toBeUndefined();

    const first = JSON.parse(fromIndex(query({ q: prefix, sort: "name", limit: "3" }))!) as { items: { code: string }[]; nextCursor: string };
    const cursorPlugin = first.items[2].code;
    // The cursor's plugin renamed since the index was loaded: its place is now Postgres's to say.
    await db.query("UPDATE plugins SET name = 'Zz ' || name WHERE code = $1", [cursorPlugin]);
    const moved = await loadCatalogIndex(100_000);
    const next = query({ q: prefix, sort: "name", limit: "3", cursor: first.nextCursor });
    expect(searchCatalogIndex(moved!, next, decodeCursor(next.cursor!))).toBeUndefined();
    await db.query("DELETE FROM plugins WHERE code = $1", [cursorPlugin]);
    const gone = await loadCatalogIndex(100_000);
    expect(searchCatalogIndex(gone!, next, decodeCursor(next.cursor!))).toBeUndefined();
    // Postgres still continues after the cursor's key.
    expect(JSON.parse(await fromPostgres(next)).items).toHaveLength(3);
  });

  it("is not built for a catalog larger than its limit", async () => {
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM plugins WHERE version_count > 0");
    expect(await loadCatalogIndex(rows[0].n - 1)).toBeNull();
    expect(await loadCatalogIndex(rows[0].n)).not.toBeNull();
  });
});

describe("a hub's catalog index", () => {
  type Health = { catalog: { index: { state: string; plugins: number | null }; answered: { cache: number; index: number; postgres: number } } };
  const health = async (): Promise<Health["catalog"]> => ((await (await fetch(`${hub!.url}/api/health`)).json()) as Health).catalog;
  let asked = 0;
  /** The hub's answer for `code`, by a query never asked before (so its page cache cannot answer), and what answered it. */
  const search = async (code: string) => {
    const before = (await health()).answered;
    const response = await fetch(`${hub!.url}/api/v1/plugins?q=${code}&limit=${(asked++ % 100) + 1}&sort=${asked % 2 ? "name" : "updated"}`);
    expect(response.status).toBe(200);
    const item = ((await response.json()).items as { code: string; description: string; latestVersion: string }[]).find((i) => i.code === code);
    const after = (await health()).answered;
    expect(after.cache).toBe(before.cache);
    return { item, by: after.index > before.index ? "index" : "postgres" };
  };
  const untilIndexed = async () => {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      if ((await health()).index.state === "current") return;
    }
    throw new Error("the index never became current");
  };

  const ownHub = async (ttl: string) => {
    await hub?.stop("SIGKILL");
    hub = await startSiblingHub({ env: { CATALOG_CACHE_TTL_MS: ttl, CATALOG_HEARTBEAT_INTERVAL_MS: "300", CATALOG_HEARTBEAT_TIMEOUT_MS: "700" } });
    await untilIndexed();
  };

  it("answers searches, and sees every publish at once: its own, and another instance's", async () => {
    await ownHub("600000"); // only NOTIFY, never the TTL, can explain a fresh answer here
    expect((await health()).index.plugins).toBeGreaterThanOrEqual(1199);

    // Its own publish: the very next search has it (the index was dropped; Postgres answers until it is back).
    const code = uniqueCode("cidx-http");
    expect((await publish(pluginZip({ code, version: "1.0.0" }), "p.zip", hub!.url)).status).toBe(201);
    expect((await search(code)).item?.latestVersion).toBe("1.0.0");
    await untilIndexed();
    expect(await search(code)).toMatchObject({ item: { latestVersion: "1.0.0" }, by: "index" });

    // Another instance's publish reaches it through NOTIFY.
    expect((await publish(pluginZip({ code, version: "1.1.0" }), "p.zip", hubUrl())).status).toBe(201);
    const deadline = Date.now() + 3000;
    while ((await search(code)).item?.latestVersion !== "1.1.0" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect((await search(code)).item?.latestVersion).toBe("1.1.0");
  });

  it("shows a change made behind the feed's back once the TTL has passed, not before", async () => {
    const code = uniqueCode("cidx-ttl");
    expect((await publish(pluginZip({ code, version: "1.0.0" }))).status).toBe(201);
    await ownHub("3000");
    // No NOTIFY: the current index, not Postgres, keeps answering what it read.
    await db.query("UPDATE plugins SET description = 'changed by an operator' WHERE code = $1", [code]);
    const changedAt = Date.now();
    expect(await search(code)).toMatchObject({ item: { description: expect.not.stringContaining("operator") }, by: "index" });
    while ((await search(code)).item?.description !== "changed by an operator" && Date.now() - changedAt < 10_000) await new Promise((r) => setTimeout(r, 100));
    expect((await search(code)).item?.description).toBe("changed by an operator");
    expect(Date.now() - changedAt).toBeLessThan(5000); // the TTL (3 s), with room for a loaded machine
  });
});
