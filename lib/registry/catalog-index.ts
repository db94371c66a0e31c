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

export type CatalogIndex = {
  /** In the name order (lower(name), id), as Postgres sorts them. */
  plugins: IndexedPlugin[];
  // The hot loops' columns, by position in `plugins`: plain arrays of numbers and strings, which
  // V8 reads far faster than properties of row objects.
  texts: string[];
  categoryOf: Uint8Array;
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
    plugins,
    texts: plugins.map((plugin) => plugin.text),
    categoryOf: new Uint8Array(count),
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
  for (const [trigram, list] of postings) index.trigrams.set(trigram, Int32Array.from(list));
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
    start = (byName ? position : plugin.updatedRank) + 1;
  }

  const matched = term === undefined ? undefined : matches(index, term);
  const facets = query.facets ? countCategories(index, matched) : undefined;
  const wanted = query.limit + 1; // one more than the page tells whether a next page exists
  const category = query.category === undefined ? -1 : index.categories.indexOf(query.category);
  if (category === -1 && query.category !== undefined) return pageJson("[]", null, facets); // no plugin of that category
  const { categoryOf, updatedRank, byUpdated } = index;
  const page: number[] = [];
  if (!matched) {
    for (let at = start; at < categoryOf.length && page.length < wanted; at++) {
      const position = byName ? at : byUpdated[at];
      if (category === -1 || categoryOf[position] === category) page.push(position);
    }
  } else if (byName) {
    for (let i = lowerBound(matched, start); i < matched.length && page.length < wanted; i++) {
      if (category === -1 || categoryOf[matched[i]] === category) page.push(matched[i]);
    }
  } else {
    // The matches are in the name order: their ranks in the updated order, sorted, are the page.
    const ranks = new Int32Array(matched.length);
    let n = 0;
    for (let i = 0; i < matched.length; i++) {
      const position = matched[i];
      if (updatedRank[position] >= start && (category === -1 || categoryOf[position] === category)) ranks[n++] = updatedRank[position];
    }
    const sorted = ranks.subarray(0, n).sort();
    for (let i = 0; i < sorted.length && i < wanted; i++) page.push(byUpdated[sorted[i]]);
  }

  const items = page.slice(0, query.limit);
  const last = items.length > 0 ? index.plugins[items[items.length - 1]] : undefined;
  const next: Cursor | null = page.length > query.limit && last ? [byName ? last.nameKey : last.updatedAt, last.id] : null;
  return pageJson(`[${items.map((position) => index.json[position]).join(",")}]`, next, facets);
}

/** Positions (ascending) of the plugins whose search text contains `term`. */
function matches(index: CatalogIndex, term: string): Int32Array {
  const { texts } = index;
  let candidates: Int32Array | undefined;
  // Any 3-character window of the term is in every match: its posting list, the shortest one, bounds them.
  for (let i = 0; i + 3 <= term.length; i++) {
    const list = index.trigrams.get(trigramCode(term, i));
    if (!list) return new Int32Array(0);
    if (!candidates || list.length < candidates.length) candidates = list;
  }
  const found = new Int32Array(candidates ? candidates.length : texts.length);
  let n = 0;
  if (candidates) {
    for (let i = 0; i < candidates.length; i++) if (texts[candidates[i]].includes(term)) found[n++] = candidates[i];
  } else {
    for (let position = 0; position < texts.length; position++) if (texts[position].includes(term)) found[n++] = position;
  }
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
