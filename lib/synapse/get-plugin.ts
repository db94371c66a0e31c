import "server-only";
import { z } from "zod";
import { hubOrigin } from "@/lib/http/hub-origin";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { sortVersionsDesc } from "@/lib/registry/latest-version";
import { toSynapsePlugin, toSynapseRelease } from "./serializers";

/**
 * GET /plugins/{code}/: one plugin in the Synapse shape, with its releases newest first. The SDK's
 * `get_plugin(plugin_id)` names it by key: a code that is not one may be a plugin's id.
 */
export async function getSynapsePlugin(req: Request, code: string) {
  const byCode = await db().plugin.findUnique({ where: { code }, include: { versions: true } });
  const isId = z.uuid().safeParse(code).success;
  const plugin = byCode ?? (isId ? await db().plugin.findUnique({ where: { id: code }, include: { versions: true } }) : null);
  if (!plugin) throw notFound("plugin_not_found", `No plugin with code "${code}".`);
  const origin = hubOrigin(req);
  return { ...toSynapsePlugin(plugin), releases: sortVersionsDesc(plugin.versions).map((v) => toSynapseRelease(origin, plugin.code, v)) };
}
