import "server-only";
import { pool } from "@/lib/db/pool";
import { isoTimestamps } from "@/lib/db/iso-timestamps";
import { statement } from "@/lib/db/statement";
import { SqlConditions } from "@/lib/db/sql-conditions";
import { searchCatalogIndex } from "./catalog-index";
import { currentCatalogIndex } from "./catalog-index-load";
import { decodeCursor, pageJson, SUMMARY_FIELDS, type Cursor } from "./catalog-json";
import { addCatalogSearch, LISTED } from "./catalog-search";
import { catalogAnswers } from "./catalog-stats";
import type { ListQuery, PluginList, PluginSummary } from "./schemas";

// The page's rows: a PluginSummary (schemas.ts) with ISO timestamps, plus what the cursor needs.
type Row = PluginSummary & { id: string; key: string };

const RAW = "id, code, name, category, description, latest_version, version_count, created_at, updated_at";
const COLUMNS = `id, code, name, category, description, latest_version AS "latestVersion", version_count AS "versionCount",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

// Each sort: its order, the same order over COLUMNS (as p), and the cursor's key (taken from
// Postgres, so that lower() is Postgres's own).
const SORTS = {
  name: { order: "lower(name) ASC, id ASC", outer: `lower(p.name) ASC, p.id ASC`, key: "lower(name)" },
  updated: { order: "updated_at DESC, id DESC", outer: `p."updatedAt" DESC, p.id DESC`, key: "updated_at" },
};

/**
 * The catalog: substring search over name, code and description (lib/registry/catalog-search.ts),
 * an optional category, and keyset pagination so page 400 costs what page 1 does. Answered by this
 * instance's in-memory index when it has a current one (catalog-index.ts), else by Postgres; both
 * give the same bytes.
 */
export async function listPlugins(query: ListQuery): Promise<PluginList> {
  return JSON.parse((await listPluginsPage(query)).body) as PluginList;
}

/** listPlugins as the JSON text of a PluginList, for the API to send as it is, and when the data it shows was read (the page cache's entries expire from then). */
export async function listPluginsPage(query: ListQuery): Promise<{ body: string; asOf: number }> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const current = currentCatalogIndex();
  const indexed = current && searchCatalogIndex(current.index, query, cursor);
  if (indexed !== undefined) {
    catalogAnswers.index++;
    return { body: indexed, asOf: current!.at };
  }
  catalogAnswers.postgres++;
  const asOf = Date.now();
  return { body: await listPluginsFromPostgres(query, cursor), asOf };
}

/** The page computed by Postgres. Queries the pool directly: this is the hottest read in the app. */
export async function listPluginsFromPostgres(query: ListQuery, cursor: Cursor | undefined): Promise<string> {
  const search = new SqlConditions();
  const stable = addCatalogSearch(search, query.q);
  const page = new SqlConditions(search.params);
  // A plugin with only debug releases (version_count counts releases) is not in the public catalog.
  (query.q ? search : page).add(() => LISTED);
  if (query.category) page.add((p) => `category = ${p(query.category)}`);
  if (cursor) {
    const [value, id] = cursor;
    if (query.sort === "updated") page.add((p) => `(updated_at, id) < (${p(new Date(value))}, ${p(id)}::uuid)`);
    else page.add((p) => `(lower(name), id) > (${p(value)}, ${p(id)}::uuid)`);
  }
  const { order, outer, key } = SORTS[query.sort];
  const limit = page.param(query.limit + 1);

  let rows: Row[];
  let facets: Record<string, number> | undefined;
  if (query.q && query.facets) {
    // The chips' counts need every match, so the page is taken from the same pass: the matches'
    // ids and sort keys, their counts per category, the page's ids, then only those rows in full.
    const sql = `WITH matches AS MATERIALIZED (SELECT id, name, category, updated_at FROM plugins WHERE ${search.sql}),
      counts AS (SELECT json_object_agg(category, count) AS facets FROM (SELECT category, count(*)::int AS count FROM matches GROUP BY category) AS c),
      top AS (SELECT id FROM matches WHERE ${page.sql} ORDER BY ${order} LIMIT ${limit})
      SELECT counts.facets, p.* FROM counts LEFT JOIN (SELECT ${COLUMNS}, ${key} AS key FROM plugins WHERE id IN (SELECT id FROM top)) AS p ON TRUE
      ORDER BY ${outer}`;
    const result = await pool().query<Row & { facets: Record<string, number> | null }>({ ...statement(sql, page.params, stable), types: isoTimestamps });
    facets = result.rows[0]?.facets ?? {};
    rows = result.rows.filter((row) => row.id !== null);
  } else {
    // A search collects its matches first (trigram index), then sorts them, so its cost follows the
    // number of matches. OFFSET 0 keeps the planner from instead walking the sort order's index and
    // testing every row, which costs the whole table when matches cluster far along that order (a
    // word most matching names start with, sorted by name).
    const sql = query.q
      ? `SELECT ${COLUMNS}, ${key} AS key FROM (SELECT ${RAW} FROM plugins WHERE ${search.sql} AND ${page.sql} OFFSET 0) AS matches ORDER BY ${order} LIMIT ${limit}`
      : `SELECT ${COLUMNS}, ${key} AS key FROM plugins ${page.where} ORDER BY ${order} LIMIT ${limit}`;
    [{ rows }, facets] = await Promise.all([
      pool().query<Row>({ ...statement(sql, page.params, stable), types: isoTimestamps }),
      query.facets ? categoryCounts() : undefined,
    ]);
  }
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  // The rows are serialised as they come (the field list drops id and key): the hot path builds no
  // Dates and no objects only to serialise them again.
  return pageJson(JSON.stringify(items, SUMMARY_FIELDS), rows.length > query.limit && last ? [last.key, last.id] : null, facets);
}

/** Plugins per category in the whole catalog (the chips before any search). */
async function categoryCounts(): Promise<Record<string, number>> {
  const { rows } = await pool().query<{ category: string; count: number }>(
    statement(`SELECT category, count(*)::int AS count FROM plugins WHERE ${LISTED} GROUP BY category`, [], true),
  );
  return Object.fromEntries(rows.map((r) => [r.category, r.count]));
}
