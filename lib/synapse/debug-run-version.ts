import "server-only";
import { db } from "@/lib/db/client";

/**
 * The version a Synapse run with `debug: true` and no version means: the plugin's most recently
 * (re)published debug release, as the Synapse backend runs the debug release `synapse plugin publish
 * --debug` uploaded (`synapse plugin run --mode remote` sends debug by default). Without one: none
 * (the launch then takes the latest release).
 */
export async function debugRunVersion(code: string, debug: unknown): Promise<string | undefined> {
  if (debug !== true && !(typeof debug === "string" && /^true$/i.test(debug))) return undefined;
  const row = await db().pluginVersion.findFirst({
    where: { debug: true, yanked: false, plugin: { code } },
    orderBy: { updatedAt: "desc" },
    select: { version: true },
  });
  return row?.version;
}
