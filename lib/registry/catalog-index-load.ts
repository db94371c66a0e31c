import "server-only";
import { isoTimestamps } from "@/lib/db/iso-timestamps";
import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { isLive, onCatalogChange } from "@/lib/events/catalog-changes";
import { processSingleton } from "@/lib/process-singleton";
import { LISTED } from "./catalog-search";
import { buildCatalogIndex, type CatalogIndex, type IndexedPlugin } from "./catalog-index";

/**
 * This instance's copy of the catalog index (catalog-index.ts), kept as fresh as the catalog's page
 * cache is: dropped whenever any instance publishes or yanks (Postgres NOTIFY) and whenever the
 * change feed goes down or comes back, not trusted while the feed is down or unproven, and reloaded
 * after CATALOG_CACHE_TTL_MS however quiet the feed (serving on while that reload runs). Whenever there is no current index the caller
 * asks Postgres, and a reload starts in the background (at most one at a time, at most one a second,
 * so a burst of publishes costs a few reloads, not one each).
 */
const MIN_RELOAD_GAP_MS = 1000;

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

/** The index, when it is known to hold every committed change; otherwise undefined (and a reload starts). */
export function currentCatalogIndex(): CatalogIndex | undefined {
  if (!state.subscribed) {
    state.subscribed = true;
    onCatalogChange(forgetCatalogIndex);
  }
  const { CATALOG_INDEX_MAX_PLUGINS: max, CATALOG_CACHE_TTL_MS: ttl } = env();
  if (max === 0 || !isLive()) return undefined;
  const current = state.loaded?.generation === state.generation ? state.loaded : undefined;
  const age = current ? Date.now() - current.at : Infinity;
  if (age >= ttl) reload(max);
  // Past its TTL with no change announced, it still serves while its reload runs (up to a second
  // TTL): the TTL is a backstop for changes made behind the feed's back, and a search must not wait
  // for, nor fall back to Postgres during, a reload every TTL.
  return age < 2 * ttl ? (current?.index ?? undefined) : undefined;
}

/** For /api/health: the index's size and age, and whether searches use it now. */
export function catalogIndexStatus(): { state: "current" | "loading" | "too large" | "off"; plugins: number | null; ageMs: number | null } {
  if (env().CATALOG_INDEX_MAX_PLUGINS === 0) return { state: "off", plugins: null, ageMs: null };
  const index = currentCatalogIndex();
  const { loaded } = state;
  const ageMs = loaded ? Date.now() - loaded.at : null;
  if (index) return { state: "current", plugins: index.plugins.length, ageMs };
  return { state: loaded?.index === null && loaded.generation === state.generation ? "too large" : "loading", plugins: null, ageMs: null };
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

/** Reads the listed catalog in one statement (one snapshot); null when it holds more than `max` plugins. */
export async function loadCatalogIndex(max: number): Promise<CatalogIndex | null> {
  const { rows } = await pool().query<IndexedPlugin & { asciiFolds: boolean }>({
    text: `SELECT id, code, name, category, description, latest_version AS "latestVersion", version_count AS "versionCount",
        created_at AS "createdAt", updated_at AS "updatedAt", search_text AS text, lower(name) AS "nameKey",
        (row_number() OVER (ORDER BY updated_at DESC, id DESC))::int - 1 AS "updatedRank",
        lower('ABCDEFGHIJKLMNOPQRSTUVWXYZ') = 'abcdefghijklmnopqrstuvwxyz' AS "asciiFolds"
      FROM plugins WHERE ${LISTED} ORDER BY lower(name) ASC, id ASC LIMIT $1`,
    values: [max + 1],
    types: isoTimestamps,
  });
  if (rows.length > max) return null;
  return await buildCatalogIndex(rows, rows[0]?.asciiFolds ?? true);
}
