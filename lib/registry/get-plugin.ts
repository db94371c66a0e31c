import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { sortVersionsDesc } from "./latest-version";
import type { PluginDetail, VersionDetail, VersionSummary } from "./schemas";
import { toPluginSummary, toVersionDetail, toVersionSummary } from "./serializers";

export async function getPluginOrThrow(code: string): Promise<PluginDetail> {
  const plugin = await db().plugin.findUnique({
    where: { code },
    include: {
      versions: true,
      owner: { select: { id: true, name: true } },
      maintainers: { select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!plugin) throw notFound("plugin_not_found", `No plugin with code "${code}".`);
  return {
    ...toPluginSummary(plugin),
    versions: sortVersionsDesc(plugin.versions).map((v) => toVersionSummary(code, v)),
    owner: plugin.owner,
    maintainers: plugin.maintainers.map((m) => m.user),
  };
}

export async function listVersionsOrThrow(code: string): Promise<VersionSummary[]> {
  return (await getPluginOrThrow(code)).versions;
}

/** One version; `latest` resolves to the plugin's latest non-yanked version. */
export async function getVersionOrThrow(code: string, version: string): Promise<VersionDetail> {
  const row = await findVersionRowOrThrow(code, version);
  return toVersionDetail(code, row);
}

export async function findVersionRowOrThrow(code: string, version: string) {
  const plugin = await db().plugin.findUnique({ where: { code }, select: { id: true, latestVersion: true } });
  if (!plugin) throw notFound("plugin_not_found", `No plugin with code "${code}".`);
  const wanted = version === "latest" ? plugin.latestVersion : version;
  const row = wanted ? await db().pluginVersion.findUnique({ where: { pluginId_version: { pluginId: plugin.id, version: wanted } } }) : null;
  if (!row) throw notFound("version_not_found", `${code} has no version "${version}".`);
  return row;
}
