// GET /plugin_releases/ — releases, newest first (`?plugin=<code>` filters); Synapse list shape
// POST /plugin_releases/ — the Synapse SDK's `synapse plugin publish` (multipart, token auth)
import { z } from "zod";
import { requirePrincipal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { hubOrigin } from "@/lib/http/hub-origin";
import { route } from "@/lib/http/route";
import { pageQuerySchema, toPage } from "@/lib/synapse/paging";
import { publishRelease } from "@/lib/synapse/publish-release";
import { toSynapseRelease } from "@/lib/synapse/serializers";

export const dynamic = "force-dynamic";

const listQuery = pageQuerySchema.extend({
  plugin: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .optional(),
});

export const GET = route(
  { summary: "Plugin releases, newest first; `plugin` filters by code (Synapse list shape)", query: listQuery, read: true },
  async ({ req, query }) => {
    const where = query.plugin ? { plugin: { code: query.plugin } } : {};
    const [count, rows] = await Promise.all([
      db().pluginVersion.count({ where }),
      db().pluginVersion.findMany({
        where,
        include: { plugin: { select: { code: true } } },
        orderBy: { createdAt: "desc" },
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
  },
);

export const POST = route(
  { summary: "Publish a release: the Synapse SDK's `synapse plugin publish` (multipart)", upload: true, status: 201 },
  async ({ req }) => {
    return publishRelease(req, await requirePrincipal(req));
  },
);
