import type { SqlConditions } from "@/lib/db/sql-conditions";
import { searchSample } from "./search-sample";
import { selectiveWindow } from "./search-windows";

/** In the public catalog: plugins with at least one release (version_count leaves debug releases out). */
export const LISTED = "version_count > 0";

/**
 * The catalog's search, shared by the hub's API and the Synapse routes: a case-insensitive substring
 * of a plugin's name, code or description. `search_text` is that text lowercased, stored by Postgres
 * and trigram-indexed (prisma/migrations/0005_catalog_search). The index is asked for the term's
 * rarest 3-character window when that narrows the search (search-windows.ts), and strpos checks the
 * whole term; Postgres lowercases both, so both sides fold case alike.
 *
 * Returns whether the statement's plan suits any term, so it may be prepared (lib/db/statement.ts).
 */
export function addCatalogSearch(conditions: SqlConditions, q: string | undefined): boolean {
  if (!q) return true;
  const window = selectiveWindow(q, searchSample());
  if (!window) {
    // No sample yet, or no selective window: the index (or the planner's choice of a scan) sees the term.
    conditions.add((p) => `search_text LIKE lower(${p(likePattern(q))})`);
    return false;
  }
  // (SELECT …): computed once per query, not once per row, whatever the plan.
  conditions.add((p) => `search_text LIKE (SELECT lower(${p(`%${window}%`)}))`);
  conditions.add((p) => `strpos(search_text, (SELECT lower(${p(q)}))) > 0`);
  return true;
}

/** `%q%` with LIKE's own wildcards (and its escape character) taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
