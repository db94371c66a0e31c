import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
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

/**
 * The catalog: substring search over name, code and description (trigram-indexed), an optional
 * category, and keyset pagination so page 400 costs what page 1 does.
 */
export async function listPlugins(query: ListQuery): Promise<PluginList> {
  const search = searchCondition(query.q);
  const where = [search, query.category ? Prisma.sql`category = ${query.category}` : null];
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (cursor && query.sort === "updated") where.push(Prisma.sql`(updated_at, id) < (${new Date(cursor[0])}, ${cursor[1]}::uuid)`);
  if (cursor && query.sort === "name") where.push(Prisma.sql`(lower(name), id) > (${cursor[0]}, ${cursor[1]}::uuid)`);
  const order = query.sort === "name" ? Prisma.sql`lower(name) ASC, id ASC` : Prisma.sql`updated_at DESC, id DESC`;

  const [rows, facets] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT id, code, name, category, description, latest_version AS "latestVersion", version_count AS "versionCount",
             created_at AS "createdAt", updated_at AS "updatedAt"
      FROM plugins ${whereClause(where)} ORDER BY ${order} LIMIT ${query.limit + 1}`,
    query.facets ? categoryCounts(search) : undefined,
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor([query.sort === "name" ? last.name.toLowerCase() : last.updatedAt.toISOString(), last.id])
      : null;
  return { items: page.map(toPluginSummary), nextCursor, ...(facets ? { facets } : {}) };
}

async function categoryCounts(search: Prisma.Sql | null): Promise<Record<string, number>> {
  const rows = await db().$queryRaw<{ category: string; count: number }[]>`
    SELECT category, count(*)::int AS count FROM plugins ${whereClause([search])} GROUP BY category`;
  return Object.fromEntries(rows.map((r) => [r.category, r.count]));
}

function searchCondition(q: string | undefined): Prisma.Sql | null {
  if (!q) return null;
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // Must match the indexed expression in the migration exactly for the trigram index to apply.
  return Prisma.sql`lower(name || ' ' || code || ' ' || description) LIKE ${pattern}`;
}

function whereClause(conditions: (Prisma.Sql | null)[]): Prisma.Sql {
  const present = conditions.filter((c): c is Prisma.Sql => c !== null);
  return present.length ? Prisma.sql`WHERE ${Prisma.join(present, " AND ")}` : Prisma.empty;
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
