import { AppError } from "@/lib/http/errors";
import type { PluginSummary } from "./schemas";

/**
 * How a catalog page is written out, by Postgres's path (list-plugins.ts) and the in-memory index's
 * (catalog-index.ts) alike, so both send the same bytes for the same page.
 */

/** A PluginSummary's fields in the order the API sends them (a JSON.stringify replacer: it also drops id and key). */
export const SUMMARY_FIELDS: (keyof PluginSummary)[] = ["code", "name", "category", "description", "latestVersion", "versionCount", "createdAt", "updatedAt"];

/** A cursor: the last item's sort key (lower(name), or updatedAt as ISO text) and its id. */
export type Cursor = [key: string, id: string];

/** The page as the JSON text of a PluginList; `items` is already a JSON array. Facets go out sorted by category. */
export function pageJson(items: string, nextCursor: Cursor | null, facets: Record<string, number> | undefined): string {
  const cursor = nextCursor ? JSON.stringify(Buffer.from(JSON.stringify(nextCursor)).toString("base64url")) : "null";
  const tail = facets ? `,"facets":${JSON.stringify(Object.fromEntries(Object.entries(facets).sort(([a], [b]) => (a < b ? -1 : 1))))}` : "";
  return `{"items":${items},"nextCursor":${cursor}${tail}}`;
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "string") && /^[0-9a-f-]{36}$/.test(value[1])) {
      return value as Cursor;
    }
  } catch {
    // fall through
  }
  throw new AppError("validation_failed", "The cursor is not valid.", [{ path: "cursor", message: "is not a cursor from this API" }]);
}
