import "server-only";
import { hubOrigin } from "@/lib/http/hub-origin";
import { db } from "@/lib/db/client";
import { toPage, type PageQuery } from "./paging";
import { toSynapseRelease } from "./serializers";

export type SynapseReleaseQuery = PageQuery & { plugin?: string };

/** GET /plugin_releases/: releases newest first, optionally of one plugin, in the Synapse paging shape. */
export async function listSynapseReleases(req: Request, query: SynapseReleaseQuery) {
  const where = query.plugin ? { plugin: { code: query.plugin } } : {};
  const [count, rows] = await Promise.all([
    db().pluginVersion.count({ where }),
    db().pluginVersion.findMany({
      where,
      include: { plugin: { select: { code: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.page_size,
      take: query.page_size,
    }),
  ]);
  const origin = hubOrigin(req);
  return toPage(
    req,
    query,
    count,
    rows.map((row) => toSynapseRelease(origin, row.plugin.code, row)),
  );
}
