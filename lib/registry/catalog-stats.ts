import { processSingleton } from "@/lib/process-singleton";

/**
 * What answered this instance's catalog pages since it started: its page cache, its in-memory index,
 * or Postgres. Shown by /api/health, so an operator (and bench:catalog) can see which path serves.
 */
export type CatalogAnswers = { cache: number; index: number; postgres: number };

export const catalogAnswers = processSingleton("catalog-answers", (): CatalogAnswers => ({ cache: 0, index: 0, postgres: 0 }));
