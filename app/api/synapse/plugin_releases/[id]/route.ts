// GET /plugin_releases/{id}/ — one release (Synapse shape)
import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { hubOrigin } from "@/lib/http/hub-origin";
import { route } from "@/lib/http/route";
import { toSynapseRelease } from "@/lib/synapse/serializers";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "One plugin release (Synapse shape)", params: z.object({ id: z.uuid() }), read: true }, async ({ req, params }) => {
  const row = await db().pluginVersion.findUnique({ where: { id: params.id }, include: { plugin: { select: { code: true } } } });
  if (!row) throw notFound("not_found", "No such release.");
  return toSynapseRelease(hubOrigin(req), row.plugin.code, row);
});
