import "server-only";
import { db } from "@/lib/db/client";
import { sortVersionsDesc } from "@/lib/registry/latest-version";

/** One export plugin version a person may launch from a project page. */
export type ExportChoice = { plugin: string; name: string; version: string; debug: boolean; action: string; description: string };

const ACTION = "export";

/**
 * The export plugins to offer: each one's latest release, then its debug releases (newest first,
 * marked, since a debug release may change under the same version). Versions without an `export`
 * action are left out: there would be nothing to launch.
 */
export async function listExportChoices(): Promise<ExportChoice[]> {
  const plugins = await db().plugin.findMany({
    where: { category: "export" },
    orderBy: { name: "asc" },
    select: {
      code: true,
      name: true,
      description: true,
      latestVersion: true,
      versions: { where: { yanked: false }, select: { version: true, debug: true, config: true } },
    },
  });
  const choices: ExportChoice[] = [];
  for (const plugin of plugins) {
    const hasExport = (config: unknown) => Boolean((config as { actions?: Record<string, unknown> } | null)?.actions?.[ACTION]);
    const latest = plugin.versions.find((v) => !v.debug && v.version === plugin.latestVersion);
    const debug = sortVersionsDesc(plugin.versions.filter((v) => v.debug));
    for (const v of latest ? [latest, ...debug] : debug) {
      if (hasExport(v.config))
        choices.push({ plugin: plugin.code, name: plugin.name, version: v.version, debug: v.debug, action: ACTION, description: plugin.description });
    }
  }
  return choices;
}
