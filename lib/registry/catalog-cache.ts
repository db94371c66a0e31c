import "server-only";
import { isLive, onCatalogChange } from "@/lib/events/catalog-changes";

/**
 * Serialized catalog pages, keyed by query. Emptied whenever any instance publishes or yanks
 * (Postgres NOTIFY), and bypassed while that change feed is down, so it never serves a page older
 * than the last committed change. A bounded LRU: search terms are unbounded.
 */
const MAX_ENTRIES = 2000;
const entries = new Map<string, string>();
let generation = 0;
let subscribed = false;

/** Clears this instance's cache at once (a writer's own read-your-writes, before NOTIFY arrives). */
export function forgetCatalog(): void {
  generation++;
  entries.clear();
}

export async function cachedCatalog(key: string, compute: () => Promise<string>): Promise<string> {
  if (!subscribed) {
    subscribed = true;
    onCatalogChange(forgetCatalog);
  }
  if (!isLive()) return compute();
  const hit = entries.get(key);
  if (hit !== undefined) {
    entries.delete(key); // most recently used goes last
    entries.set(key, hit);
    return hit;
  }
  const started = generation;
  const body = await compute();
  // A change that committed while we read may not be in `body`: then it is not cached.
  if (isLive() && generation === started) {
    entries.set(key, body);
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  }
  return body;
}
