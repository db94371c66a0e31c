import "server-only";
import { env } from "@/lib/env";
import { isLive, onCatalogChange } from "@/lib/events/catalog-changes";
import { processSingleton } from "@/lib/process-singleton";
import { forgetCatalogIndex } from "./catalog-index-load";
import { catalogAnswers } from "./catalog-stats";

/**
 * Serialized catalog pages, keyed by query. Emptied whenever any instance publishes or yanks
 * (Postgres NOTIFY), and bypassed while that change feed is down or unproven, so it never serves a
 * page older than the last committed change. Entries also expire after CATALOG_CACHE_TTL_MS, a
 * backstop for changes that bypass the feed (an operator's UPDATE). A bounded LRU: search terms
 * are unbounded.
 */
const MAX_ENTRIES = 2000;
type Entry = { body: string; at: number };
const cache = processSingleton("catalog-cache", () => ({ entries: new Map<string, Entry>(), generation: 0, subscribed: false }));

/** Clears this instance's cache and search index at once (a writer's own read-your-writes, before NOTIFY arrives). */
export function forgetCatalog(): void {
  cache.generation++;
  cache.entries.clear();
  forgetCatalogIndex();
}

/** The page for `key`, from the cache or from `compute` (its body, and when the data in it was read). */
export async function cachedCatalog(key: string, compute: () => Promise<{ body: string; asOf: number }>): Promise<string> {
  if (!cache.subscribed) {
    cache.subscribed = true;
    onCatalogChange(forgetCatalog);
  }
  if (!isLive()) return (await compute()).body;
  const hit = cache.entries.get(key);
  if (hit !== undefined) {
    cache.entries.delete(key);
    if (Date.now() - hit.at < env().CATALOG_CACHE_TTL_MS) {
      cache.entries.set(key, hit); // most recently used goes last
      catalogAnswers.cache++;
      return hit.body;
    }
  }
  const started = cache.generation;
  const { body, asOf: at } = await compute();
  // A change that committed while we read may not be in `body`: then it is not cached.
  if (isLive() && cache.generation === started) {
    cache.entries.set(key, { body, at });
    if (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  }
  return body;
}
