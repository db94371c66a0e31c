import "server-only";
import { isLive, listen } from "./pg-feed";

export { isLive };

/** Called on every catalog change, and whenever the feed goes down or comes back (anything may have changed). */
export function onCatalogChange(listener: () => void): void {
  listen("catalog_changed", () => listener());
}

/** Inside a writer's transaction: tells every instance, once the transaction commits. */
export const NOTIFY_CATALOG_SQL = `SELECT pg_notify('catalog_changed', '')`;
