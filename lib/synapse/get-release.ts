import "server-only";
import { z } from "zod";
import { hubOrigin } from "@/lib/http/hub-origin";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { toSynapsePlugin, toSynapseRelease } from "./serializers";

// The Synapse backend resolves `/plugin_releases/{lookup}/` from either a release's key or
// `code@version` (its ViewSet's lookup_value_regex is `[^/]+`); the SDK's agent bootstrap and MCP
// server use the latter through `get_plugin_release_by_lookup`.
const byCodeVersion = z.string().regex(/^([a-z0-9_-]+)@([^@/]+)$/);

export const releaseQuerySchema = z.object({
  /** `plugin` answers the release's plugin as an object instead of its code (what the SDK asks for). */
  expand: z.string().optional(),
});

/** GET /plugin_releases/{id or code@version}/: one release in the Synapse shape. */
export async function getSynapseRelease(req: Request, lookup: string, query: z.infer<typeof releaseQuerySchema> = {}) {
  const row = await findRelease(lookup);
  if (!row) throw notFound("not_found", "No such release.");
  const release = toSynapseRelease(hubOrigin(req), row.plugin.code, row);
  const expand = new Set((query.expand ?? "").split(",").map((part) => part.trim()));
  return expand.has("plugin") ? { ...release, plugin: toSynapsePlugin(row.plugin) } : release;
}

async function findRelease(lookup: string) {
  const include = { plugin: true } as const;
  if (z.uuid().safeParse(lookup).success) return db().pluginVersion.findUnique({ where: { id: lookup }, include });
  const pair = byCodeVersion.safeParse(lookup);
  if (!pair.success) return null;
  const at = lookup.lastIndexOf("@");
  return db().pluginVersion.findFirst({ where: { version: lookup.slice(at + 1), plugin: { code: lookup.slice(0, at) } }, include });
}
