import "server-only";
import { isoTimestamps } from "@/lib/db/iso-timestamps";
import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { isLive, onCatalogChange } from "@/lib/events/catalog-changes";
import { processSingleton } from "@/lib/process-singleton";
import { buildCatalogIndex, type CatalogIndex, type IndexedPlugin } from "./catalog-index";
import { LISTED } from "./catalog-search";

/**
 * This instance's copy of the catalog index (catalog-index.ts), kept as fresh as the catalog's page
 * cache is: dropped whenever any instance publishes or yanks (Postgres NOTIFY) and whenever the
 * change feed goes down or comes back, not trusted while the feed is down or unproven, and never
 * older than CATALOG_CACHE_TTL_MS however quiet the feed (a reload starts at half that age, so a
 * quiet catalog keeps its index). Whenever there is no current index the caller asks Postgres, and
 * a reload starts in the background: at most one at a time, at most one a second.
 */
const MIN_RELOAD_GAP_MS = 1000;
/** A load stuck behind a lock must not hold `loading` for good: Postgres gives up on it. */
const LOAD_TIMEOUT_MS = 30_000;

type Loaded = { index: CatalogIndex | null; generation: number; at: number };
const state = processSingleton("catalog-index", () => ({
  loaded: undefined as Loaded | undefined,
  /** Bumped by every change: an index loaded under an older generation may miss it. */
  generation: 0,
  loading: false,
  lastLoadAt: 0,
  subscribed: false,
}));

/** Drops this instance's index at once (a writer's read-your-writes, before NOTIFY arrives). */
export function forgetCatalogIndex(): void {
  state.generation++;
  state.loaded = undefined;
}

/**
 * The index, when it is known to hold every committed change, and when its snapshot was read (for
 * the page cache, whose entries must not outlive the data's TTL); otherwise undefined, and a reload starts.
 */
export function currentCatalogIndex(): { index: CatalogIndex; at: number } | undefined {
  if (!state.subscribed) {
    state.subscribed = true;
    onCatalogChange(forgetCatalogIndex);
  }
  const { CATALOG_INDEX_MAX_PLUGINS: max, CATALOG_CACHE_TTL_MS: ttl } = env();
  if (max === 0 || !isLive()) return undefined;
  const current = state.loaded?.generation === state.generation ? state.loaded : undefined;
  const age = current ? Date.now() - current.at : Infinity;
  if (age >= ttl / 2) reload(max);
  return current?.index && age < ttl ? { index: current.index, at: current.at } : undefined;
}

/** For /api/health: whether searches use the index now, and if not why; its size and age. */
export function catalogIndexStatus(): { state: "current" | "loading" | "too large" | "feed down" | "off"; plugins: number | null; ageMs: number | null } {
  currentCatalogIndex(); // and starts a load when one is due, so a probe warms a fresh instance
  const none = { plugins: null, ageMs: null };
  if (env().CATALOG_INDEX_MAX_PLUGINS === 0) return { state: "off", ...none };
  if (!isLive()) return { state: "feed down", ...none };
  const current = state.loaded?.generation === state.generation ? state.loaded : undefined;
  const ageMs = current ? Date.now() - current.at : Infinity;
  if (!current || ageMs >= env().CATALOG_CACHE_TTL_MS) return { state: "loading", ...none };
  if (!current.index) return { state: "too large", ...none };
  return { state: "current", plugins: current.index.plugins.length, ageMs };
}

function reload(max: number): void {
  if (state.loading || Date.now() - state.lastLoadAt < MIN_RELOAD_GAP_MS) return;
  state.loading = true;
  const generation = state.generation;
  const at = (state.lastLoadAt = Date.now());
  loadCatalogIndex(max)
    .then((index) => {
      // A change announced while we read may be missing from what we read: then it waits for the next reload.
      if (state.generation === generation) state.loaded = { index, generation, at };
    })
    .catch((error) => console.error("catalog index: reload failed; searching in Postgres meanwhile:", error))
    .finally(() => {
      state.loading = false;
    });
}

/** Reads the listed catalog in one snapshot; null (after counting only) when it holds more than `max` plugins. */
export async function loadCatalogIndex(max: number): Promise<CatalogIndex | null> {
  const client = await pool().connect();
  let rows: (IndexedPlugin & { asciiFolds: boolean })[];
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query(`SET LOCAL statement_timeout = ${LOAD_TIMEOUT_MS}`);
    const { rows: counted } = await client.query<{ listed: number }>(`SELECT count(*)::int AS listed FROM plugins WHERE ${LISTED}`);
    if (counted[0].listed > max) return null;
    ({ rows } = await client.query<IndexedPlugin & { asciiFolds: boolean }>({
      text: `SELECT id, code, name, category, description, latest_version AS "latestVersion", version_count AS "versionCount",
          created_at AS "createdAt", updated_at AS "updatedAt", search_text AS text, lower(name) AS "nameKey",
          (row_number() OVER (ORDER BY updated_at DESC, id DESC))::int - 1 AS "updatedRank",
          lower('ABCDEFGHIJKLMNOPQRSTUVWXYZ') = 'abcdefghijklmnopqrstuvwxyz' AS "asciiFolds"
        FROM plugins WHERE ${LISTED} ORDER BY lower(name) ASC, id ASC`,
      types: isoTimestamps,
    }));
  } finally {
    await client.query("ROLLBACK").catch(() => undefined);
    client.release();
  }
  return await buildCatalogIndex(rows, rows[0]?.asciiFolds ?? true);
}
