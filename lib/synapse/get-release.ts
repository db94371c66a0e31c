import "server-only";
import { hubOrigin } from "@/lib/http/hub-origin";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { toSynapseRelease } from "./serializers";

/** GET /plugin_releases/{id}/: one release in the Synapse shape. */
export async function getSynapseRelease(req: Request, id: string) {
  const row = await db().pluginVersion.findUnique({ where: { id }, include: { plugin: { select: { code: true } } } });
  if (!row) throw notFound("not_found", "No such release.");
  return toSynapseRelease(hubOrigin(req), row.plugin.code, row);
}
