import "server-only";
import { hubOrigin } from "@/lib/http/hub-origin";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { sortVersionsDesc } from "@/lib/registry/latest-version";
import { toSynapsePlugin, toSynapseRelease } from "./serializers";

/** GET /plugins/{code}/: one plugin in the Synapse shape, with its releases newest first. */
export async function getSynapsePlugin(req: Request, code: string) {
  const plugin = await db().plugin.findUnique({ where: { code }, include: { versions: true } });
  if (!plugin) throw notFound("plugin_not_found", `No plugin with code "${code}".`);
  const origin = hubOrigin(req);
  return { ...toSynapsePlugin(plugin), releases: sortVersionsDesc(plugin.versions).map((v) => toSynapseRelease(origin, plugin.code, v)) };
}
