// GET /api/v1/local-plugins — the plugin folders under PLUGINS_DIR: registered as debug releases, or why not
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { localPlugins } from "@/lib/local-plugins/watch-dirs";
import { localPluginListSchema } from "@/lib/local-plugins/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "Plugin folders under PLUGINS_DIR and what registering each gave", response: localPluginListSchema }, async ({ req }) => {
  await requirePrincipal(req);
  return localPlugins();
});
