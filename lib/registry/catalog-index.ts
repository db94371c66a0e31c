import { pageJson, SUMMARY_FIELDS, type Cursor } from "./catalog-json";
import type { ListQuery, PluginSummary } from "./schemas";

/**
 * The public catalog held in memory, searched without a database round trip. A common word matches
 * a fifth of the catalog, and Postgres must visit every match (its trigram index is lossy, and
 * facets count them all): about a millisecond per search, most of this machine's budget. Here the
 * same search is a posting list of a few thousand integers and a substring test on each.
 *
 * The index answers exactly what Postgres's path (list-plugins.ts) answers, byte for byte, or
 * nothing (undefined) and Postgres answers: the plugins, their order (both sort orders and the
 * cursors' keys) and their search text all come from Postgres (catalog-index-load.ts), so no
 * collation or case folding is redone here. The term alone is lowered here, and only when it is
 * printable ASCII, whose lowering Postgres is checked to share (`asciiFolds`).
 */
export type IndexedPlugin = PluginSummary & {
  id: string;
  /** search_text: name, code and description, lowered by Postgres. */
  text: string;
  /** lower(name) as Postgres computed it: the name sort's cursor key. */
  nameKey: string;
  /** Position in the updated order (updated_at DESC, id DESC), from Postgres. */
  updatedRank: number;
};

/** What a page's cursor needs of a plugin; the rest of the row is not kept. */
export type IndexedKeys = Pick<IndexedPlugin, "id" | "nameKey" | "updatedAt">;

export type CatalogIndex = {
  /** In the name order (lower(name), id), as Postgres sorts them. */
  plugins: IndexedKeys[];
  // The hot loops' columns, by position in `plugins`: plain arrays of numbers and strings, which
  // V8 reads far faster than properties of row objects.
  texts: string[];
  categoryOf: Uint16Array;
  updatedRank: Int32Array;
  /** Each plugin's JSON, as the API sends it. */
  json: string[];
  /** Positions in `plugins`, in the updated order. */
  byUpdated: Int32Array;
  /** Every ASCII 3-character substring of any search text (trigramCode) → the positions holding it, ascending. */
  trigrams: Map<number, Int32Array>;
  positions: Map<string, number>;
  categories: string[];
  /** Whether Postgres lowers A–Z to a–z (not so in a Turkish locale, where I becomes ı). */
  asciiFolds: boolean;
};

/** Builds the index of `plugins` (in the name order), yielding to other work every few hundred plugins. */
export async function buildCatalogIndex(plugins: IndexedPlugin[], asciiFolds: boolean, pause: () => Promise<void> = yieldToEventLoop): Promise<CatalogIndex> {
  const count = plugins.length;
  const index: CatalogIndex = {
    plugins: plugins.map(({ id, nameKey, updatedAt }) => ({ id, nameKey, updatedAt })),
    texts: plugins.map((plugin) => plugin.text),
    categoryOf: new Uint16Array(count),
    updatedRank: new Int32Array(count),
    json: new Array<string>(count),
    byUpdated: new Int32Array(count),
    trigrams: new Map(),
    positions: new Map(),
    categories: [],
    asciiFolds,
  };
  const categoryCodes = new Map<string, number>();
  const postings = new Map<number, number[]>();
  for (let position = 0; position < count; position++) {
    if (position % BUILD_SLICE === BUILD_SLICE - 1) await pause();
    const plugin = plugins[position];
    let code = categoryCodes.get(plugin.category);
    if (code === undefined) categoryCodes.set(plugin.category, (code = index.categories.push(plugin.category) - 1));
    index.categoryOf[position] = code;
    index.updatedRank[position] = plugin.updatedRank;
    index.byUpdated[plugin.updatedRank] = position;
    index.positions.set(plugin.id, position);
    index.json[position] = summaryJson(plugin);
    const { text } = plugin;
    for (let i = 0; i + 3 <= text.length; i++) {
      const trigram = trigramCode(text, i);
      if (trigram < 0) continue;
      const list = postings.get(trigram);
      if (!list) postings.set(trigram, [position]);
      else if (list[list.length - 1] !== position) list.push(position); // positions only grow: this dedupes
    }
  }
  let converted = 0;
  for (const [trigram, list] of postings) {
    index.trigrams.set(trigram, Int32Array.from(list));
    converted += list.length;
    if (converted > BUILD_SLICE * 100) {
      converted = 0;
      await pause();
    }
  }
  return index;
}

/**
 * The 3 characters of `text` at `at` as one number, or -1 when one is not ASCII: terms beyond ASCII
 * are Postgres's to search, so only ASCII trigrams are ever looked up.
 */
function trigramCode(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  return (a | b | c) > 127 ? -1 : (a << 14) | (b << 7) | c;
}

/** JSON.stringify(plugin, SUMMARY_FIELDS), without the replacer's cost (a fifth of a build). */
function summaryJson(p: IndexedPlugin): string {
  const { code, name, category, description, latestVersion, versionCount, createdAt, updatedAt } = p;
  return JSON.stringify({ code, name, category, description, latestVersion, versionCount, createdAt, updatedAt } satisfies Record<
    (typeof SUMMARY_FIELDS)[number],
    unknown
  >);
}

/** Plugins indexed between two yields: a few milliseconds, so requests keep flowing while an index builds. */
const BUILD_SLICE = 500;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The page for `query` as the JSON text of a PluginList, or undefined when the index cannot say
 * exactly what Postgres would: a term beyond printable ASCII, or a cursor whose plugin is gone or
 * moved since (its place in the order is then a comparison only Postgres's collation can make).
 */
export function searchCatalogIndex(index: CatalogIndex, query: ListQuery, cursor: Cursor | undefined): string | undefined {
  let term: string | undefined;
  if (query.q) {
    if (!index.asciiFolds || !PRINTABLE_ASCII.test(query.q)) return undefined;
    term = query.q.toLowerCase();
  }
  const byName = query.sort === "name";
  // The first place in the sort's order that the page may take.
  let start = 0;
  if (cursor) {
    const position = index.positions.get(cursor[1]);
    if (position === undefined) return undefined;
    const plugin = index.plugins[position];
    if ((byName ? plugin.nameKey : plugin.updatedAt) !== cursor[0]) return undefined;
    start = (byName ? position : index.updatedRank[position]) + 1;
  }

  const wanted = query.limit + 1; // one more than the page tells whether a next page exists
  const category = query.category === undefined ? ANY : index.categories.indexOf(query.category);
  const { categoryOf, updatedRank, byUpdated } = index;
  let page: ArrayLike<number>;
  let facets: Record<string, number> | undefined;
  if (term !== undefined && byName && !query.facets) {
    // The name order is the positions' order: the first matches from the cursor on are the page.
    page = category === NONE ? [] : matches(index, term, { from: start, category, stopAfter: wanted });
  } else {
    const matched = term === undefined ? undefined : matches(index, term, {});
    facets = query.facets ? countCategories(index, matched) : undefined;
    const taken: number[] = [];
    if (category === NONE) {
      // no plugin of that category
    } else if (!matched) {
      for (let at = start; at < categoryOf.length && taken.length < wanted; at++) {
        const position = byName ? at : byUpdated[at];
        if (category === ANY || categoryOf[position] === category) taken.push(position);
      }
    } else if (byName) {
      for (let i = lowerBound(matched, start); i < matched.length && taken.length < wanted; i++) {
        if (category === ANY || categoryOf[matched[i]] === category) taken.push(matched[i]);
      }
    } else {
      // The matches are in the name order: their ranks in the updated order, sorted, are the page.
      const ranks = new Int32Array(matched.length);
      let n = 0;
      for (let i = 0; i < matched.length; i++) {
        const position = matched[i];
        if (updatedRank[position] >= start && (category === ANY || categoryOf[position] === category)) ranks[n++] = updatedRank[position];
      }
      const sorted = ranks.subarray(0, n).sort();
      for (let i = 0; i < sorted.length && i < wanted; i++) taken.push(byUpdated[sorted[i]]);
    }
    page = taken;
  }

  const items = Array.from(page).slice(0, query.limit);
  const last = items.length > 0 ? index.plugins[items[items.length - 1]] : undefined;
  const next: Cursor | null = page.length > query.limit && last ? [byName ? last.nameKey : last.updatedAt, last.id] : null;
  return pageJson(`[${items.map((position) => index.json[position]).join(",")}]`, next, facets);
}

/** Category codes in a search: any category, and one that no plugin has. */
const ANY = -2;
const NONE = -1;

/**
 * Positions (ascending) of the plugins whose search text contains `term`: from position `from` on,
 * in `category` when given, and no more than `stopAfter`.
 */
function matches(
  index: CatalogIndex,
  term: string,
  { from = 0, category = ANY, stopAfter = Infinity }: { from?: number; category?: number; stopAfter?: number },
): Int32Array {
  const { texts, categoryOf } = index;
  let candidates: Int32Array | undefined;
  // Any 3-character window of the term is in every match: its posting list, the shortest one, bounds them.
  for (let i = 0; i + 3 <= term.length; i++) {
    const list = index.trigrams.get(trigramCode(term, i));
    if (!list) return new Int32Array(0);
    if (!candidates || list.length < candidates.length) candidates = list;
  }
  const found = new Int32Array(Math.min(candidates ? candidates.length : texts.length, stopAfter));
  let n = 0;
  const take = (position: number) => {
    if ((category === ANY || categoryOf[position] === category) && texts[position].includes(term)) found[n++] = position;
  };
  if (candidates) for (let i = lowerBound(candidates, from); i < candidates.length && n < stopAfter; i++) take(candidates[i]);
  else for (let position = from; position < texts.length && n < stopAfter; position++) take(position);
  return found.subarray(0, n);
}

/** Plugins per category among `positions` (all plugins when undefined). */
function countCategories(index: CatalogIndex, positions: Int32Array | undefined): Record<string, number> {
  const counts = new Int32Array(index.categories.length);
  const { categoryOf } = index;
  if (positions) for (let i = 0; i < positions.length; i++) counts[categoryOf[positions[i]]]++;
  else for (let position = 0; position < categoryOf.length; position++) counts[categoryOf[position]]++;
  const result: Record<string, number> = {};
  index.categories.forEach((category, code) => {
    if (counts[code] > 0) result[category] = counts[code];
  });
  return result;
}

/** The first index in ascending `list` whose value is ≥ `value`. */
function lowerBound(list: Int32Array, value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
