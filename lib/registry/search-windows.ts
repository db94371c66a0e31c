/**
 * Which part of a search term the trigram index should look up. A GIN trigram scan costs the sum of
 * the posting lists of every trigram in the pattern, and a term such as "plugin 1234 for" holds
 * trigrams found in nearly every row ("plu", "for"): scanning those cost 20× what the term's rare
 * part ("234") costs alone. So the index is asked for the term's rarest 3-character window, and each
 * candidate row is then checked against the whole term. A window of the term is implied by the term,
 * so the result is the same.
 *
 * Windows are runs of three ASCII letters or digits taken from the term as typed (Postgres lowercases
 * them, exactly as it lowercases the term), so a window is always a substring of the lowered term.
 */
export type SearchSample = { size: number; rows: Map<string, number> };

const WINDOW = /^[a-z0-9]{3}$/i;
/**
 * The window to hand the index: the term's rarest in the sample, or none when there is no sample,
 * no window, or even the rarest is in more than MAX_SHARE of rows. Then the whole term goes to the
 * index, whose trigrams also know where words start and end (" 12 " in "plugin 12 for"), which no
 * window inside a word can say.
 */
export function selectiveWindow(term: string, sample: SearchSample | undefined): string | undefined {
  const [rarest] = windowsByRarity(term, sample);
  return rarest && rarest.share <= MAX_SHARE ? rarest.window : undefined;
}

const MAX_SHARE = 0.25;

/** The term's windows with the share of sample rows that hold each, rarest first. */
export function windowsByRarity(term: string, sample: SearchSample | undefined): { window: string; share: number }[] {
  const windows = new Map<string, string>(); // lowercase → as typed
  for (let i = 0; i + 3 <= term.length; i++) {
    const window = term.slice(i, i + 3);
    if (WINDOW.test(window)) windows.set(window.toLowerCase(), window);
  }
  if (!sample || sample.size === 0) return [];
  return [...windows].map(([lower, window]) => ({ window, share: (sample.rows.get(lower) ?? 0) / sample.size })).sort((a, b) => a.share - b.share);
}

/** For each 3-character window, the number of sample texts (already lowercased) that contain it. */
export function sampleWindows(texts: string[]): SearchSample {
  const rows = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (let i = 0; i + 3 <= text.length; i++) seen.add(text.slice(i, i + 3));
    for (const window of seen) rows.set(window, (rows.get(window) ?? 0) + 1);
  }
  return { size: texts.length, rows };
}
