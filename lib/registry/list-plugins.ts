import "server-only";
import { pool } from "@/lib/db/pool";
import { AppError } from "@/lib/http/errors";
import type { ListQuery, PluginList } from "./schemas";
import { toPluginSummary } from "./serializers";

type Row = {
  id: string;
  code: string;
  name: string;
  category: string;
  description: string;
  latestVersion: string | null;
  versionCount: number;
  createdAt: Date;
  updatedAt: Date;
};

/** Collects SQL conditions and their parameters ($1, $2, …) in step. */
class Conditions {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  add(sql: (p: (value: unknown) => string) => string): void {
    this.parts.push(sql((value) => `$${this.params.push(value)}`));
  }
  get where(): string {
    return this.parts.length ? `WHERE ${this.parts.join(" AND ")}` : "";
  }
}

/**
 * The catalog: substring search over name, code and description (trigram-indexed), an optional
 * category, and keyset pagination so page 400 costs what page 1 does. Queries the pool directly:
 * this is the hottest read in the app.
 */
export async function listPlugins(query: ListQuery): Promise<PluginList> {
  const page = new Conditions();
  addSearch(page, query.q);
  if (query.category) page.add((p) => `category = ${p(query.category)}`);
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor);
    if (query.sort === "updated") page.add((p) => `(updated_at, id) < (${p(new Date(value))}, ${p(id)}::uuid)`);
    else page.add((p) => `(lower(name), id) > (${p(value)}, ${p(id)}::uuid)`);
  }
  const order = query.sort === "name" ? "lower(name) ASC, id ASC" : "updated_at DESC, id DESC";
  const limit = page.params.push(query.limit + 1);

  const [rows, facets] = await Promise.all([
    pool().query<Row>(
      `SELECT id, code, name, category, description, latest_version AS "latestVersion", version_count AS "versionCount",
              created_at AS "createdAt", updated_at AS "updatedAt"
       FROM plugins ${page.where} ORDER BY ${order} LIMIT $${limit}`,
      page.params,
    ),
    query.facets ? categoryCounts(query.q) : undefined,
  ]);
  const items = rows.rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.rows.length > query.limit && last ? encodeCursor([query.sort === "name" ? last.name.toLowerCase() : last.updatedAt.toISOString(), last.id]) : null;
  return { items: items.map(toPluginSummary), nextCursor, ...(facets ? { facets } : {}) };
}

/** Matching plugins per category for a search, ignoring the category filter (for the chips). */
async function categoryCounts(q: string | undefined): Promise<Record<string, number>> {
  const filter = new Conditions();
  addSearch(filter, q);
  const { rows } = await pool().query<{ category: string; count: number }>(
    `SELECT category, count(*)::int AS count FROM plugins ${filter.where} GROUP BY category`,
    filter.params,
  );
  return Object.fromEntries(rows.map((r) => [r.category, r.count]));
}

function addSearch(conditions: Conditions, q: string | undefined): void {
  if (!q) return;
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // Must match the indexed expression in the migration exactly for the trigram index to apply.
  conditions.add((p) => `lower(name || ' ' || code || ' ' || description) LIKE ${p(pattern)}`);
}

function encodeCursor(value: [string, string]): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "string") && /^[0-9a-f-]{36}$/.test(value[1])) {
      return value as [string, string];
    }
  } catch {
    // fall through
  }
  throw new AppError("validation_failed", "The cursor is not valid.", [{ path: "cursor", message: "is not a cursor from this API" }]);
}
