import "server-only";
import { pool } from "@/lib/db/pool";
import { processSingleton } from "@/lib/process-singleton";
import { sampleWindows, type SearchSample } from "./search-windows";

/**
 * A random sample of the catalog's search text, to tell common 3-character windows from rare ones
 * (lib/registry/search-windows.ts). Refreshed in the background every few minutes; word frequencies
 * drift slowly, and a stale sample only makes a search slower, never wrong.
 */
const SAMPLE_ROWS = 1000;
const REFRESH_MS = 10 * 60_000;

const state = processSingleton("search-sample", () => ({
  sample: undefined as SearchSample | undefined,
  takenAt: 0,
  loading: false,
}));

/** The current sample (undefined until the first one is taken); starts a refresh when due. */
export function searchSample(): SearchSample | undefined {
  if (!state.loading && Date.now() - state.takenAt > REFRESH_MS) {
    state.loading = true;
    takeSample()
      .then((sample) => {
        state.sample = sample;
        state.takenAt = Date.now();
      })
      .catch((error) => console.error("catalog search sample failed:", error))
      .finally(() => {
        state.loading = false;
      });
  }
  return state.sample;
}

async function takeSample(): Promise<SearchSample> {
  const { rows } = await pool().query<{ total: number }>("SELECT reltuples::float8 AS total FROM pg_class WHERE oid = 'plugins'::regclass");
  const percent = Math.min(100, (100 * SAMPLE_ROWS) / Math.max(rows[0]?.total ?? 0, 1));
  const sample = await pool().query<{ text: string }>(`SELECT search_text AS text FROM plugins TABLESAMPLE BERNOULLI (${percent}) LIMIT ${SAMPLE_ROWS}`);
  return sampleWindows(sample.rows.map((row) => row.text));
}
