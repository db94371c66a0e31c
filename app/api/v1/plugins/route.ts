// GET /api/v1/plugins — search and page through the catalog
// POST /api/v1/plugins — publish a plugin archive (multipart `file`, or the raw archive as the body; `?plugin=<code>`, `?debug=true` optional)
import { z } from "zod";
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { cachedCatalog } from "@/lib/registry/catalog-cache";
import { listPluginsPage } from "@/lib/registry/list-plugins";
import { receiveAndPublish } from "@/lib/registry/receive-publish";
import { listQuerySchema, pluginListSchema, publishResultSchema } from "@/lib/registry/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "Search and page through the catalog", query: listQuerySchema, response: pluginListSchema, read: true },
  async ({ query }) => {
    const body = await cachedCatalog(JSON.stringify(query), () => listPluginsPage(query));
    return new Response(body, { headers: { "content-type": "application/json" } });
  },
);

export const POST = route(
  {
    summary: "Publish a plugin archive (201, also when a debug release was replaced; 200 when the same bytes were already published)",
    query: z.object({
      plugin: z.string().optional().describe("The plugin's code, when known: who may publish it is checked before the upload"),
      debug: z.enum(["true", "false"]).optional().describe("`true`: a debug release (replaceable, never latest, not in the catalog, removed by age)"),
    }),
    upload: true,
    response: publishResultSchema,
    status: 201,
  },
  async ({ req }) => {
    // Authenticate, and decide who may publish, before reading a byte of the body.
    const result = await receiveAndPublish(req, await requirePrincipal(req));
    return Response.json(result, {
      status: result.created || result.replaced ? 201 : 200,
      headers: { location: `/api/v1/plugins/${result.plugin.code}/versions/${encodeURIComponent(result.version.version)}` },
    });
  },
);
