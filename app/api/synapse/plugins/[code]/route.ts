// GET /plugins/{code}/ — one plugin (Synapse shape), with its releases
import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { hubOrigin } from "@/lib/http/hub-origin";
import { route } from "@/lib/http/route";
import { sortVersionsDesc } from "@/lib/registry/latest-version";
import { codeParam } from "@/lib/registry/schemas";
import { toSynapsePlugin, toSynapseRelease } from "@/lib/synapse/serializers";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "One plugin with its releases (Synapse shape)", params: z.object({ code: codeParam }), read: true },
  async ({ req, params }) => {
    const plugin = await db().plugin.findUnique({ where: { code: params.code }, include: { versions: true } });
    if (!plugin) throw notFound("plugin_not_found", `No plugin with code "${params.code}".`);
    const origin = hubOrigin(req);
    return { ...toSynapsePlugin(plugin), releases: sortVersionsDesc(plugin.versions).map((v) => toSynapseRelease(origin, plugin.code, v)) };
  },
);
