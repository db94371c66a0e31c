import "server-only";
import { pool } from "@/lib/db/pool";
import { statement } from "@/lib/db/statement";
import { SqlConditions } from "@/lib/db/sql-conditions";
import { addCatalogSearch } from "@/lib/registry/catalog-search";
import { LISTED } from "@/lib/registry/catalog-search";
import { toPage, type PageQuery, type SynapsePage } from "./paging";
import { toSynapsePlugin } from "./serializers";

export type SynapsePluginQuery = PageQuery & { search?: string; category?: string };
type Row = Parameters<typeof toSynapsePlugin>[0];

const COLUMNS = `id, code, name, category, description, latest_version AS "latestVersion", created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * GET /plugins/: the catalog in the Synapse backend's paging shape, ordered by code. `search` is the
 * hub's own catalog search (a substring of name, code or description, lib/registry/catalog-search.ts).
 */
export async function listSynapsePlugins(req: Request, query: SynapsePluginQuery): Promise<SynapsePage<ReturnType<typeof toSynapsePlugin>>> {
  const where = new SqlConditions();
  const stable = addCatalogSearch(where, query.search);
  where.add(() => LISTED);
  if (query.category) where.add((p) => `category = ${p(query.category)}`);
  const countSql = `SELECT count(*)::int AS count FROM plugins ${where.where}`;
  const countParams = [...where.params];
  const limit = where.param(query.page_size);
  const offset = where.param((query.page - 1) * query.page_size);
  // As in lib/registry/list-plugins.ts: a search collects its matches, then sorts them (OFFSET 0
  // fences the plan), rather than walking the code index and testing every plugin.
  const pageSql = query.search
    ? `SELECT ${COLUMNS} FROM (SELECT id, code, name, category, description, latest_version, created_at, updated_at FROM plugins ${where.where} OFFSET 0) AS matches ORDER BY code LIMIT ${limit} OFFSET ${offset}`
    : `SELECT ${COLUMNS} FROM plugins ${where.where} ORDER BY code LIMIT ${limit} OFFSET ${offset}`;
  const [count, rows] = await Promise.all([
    pool().query<{ count: number }>(statement(countSql, countParams, stable)),
    pool().query<Row>(statement(pageSql, where.params, stable)),
  ]);
  return toPage(req, query, count.rows[0].count, rows.rows.map(toSynapsePlugin));
}
