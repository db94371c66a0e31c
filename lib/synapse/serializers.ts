import "server-only";
import type { Plugin, PluginVersion } from "@/lib/generated/prisma/client";
import { archiveUrl } from "@/lib/registry/serializers";

type PluginRow = Pick<Plugin, "id" | "code" | "name" | "category" | "description" | "latestVersion" | "createdAt" | "updatedAt">;

/** A plugin as the Synapse backend describes it (snake_case, `code` as its key). */
export function toSynapsePlugin(plugin: PluginRow) {
  return {
    id: plugin.id,
    code: plugin.code,
    name: plugin.name,
    category: plugin.category,
    description: plugin.description,
    latest_version: plugin.latestVersion,
    created: plugin.createdAt.toISOString(),
    modified: plugin.updatedAt.toISOString(),
  };
}

export function toSynapseRelease(origin: string, code: string, version: PluginVersion) {
  return {
    id: version.id,
    plugin: code,
    version: version.version,
    checksum: version.sha256,
    config: version.config,
    readme: version.readme,
    size: Number(version.sizeBytes),
    yanked: version.yanked,
    debug: version.debug,
    created: version.createdAt.toISOString(),
    file: `${origin}${archiveUrl(code, version.version)}`,
  };
}
