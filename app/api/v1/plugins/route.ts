// GET /api/v1/plugins — search and page through the catalog
// POST /api/v1/plugins — publish a plugin archive (multipart `file`, or the raw archive as the body)
import { requirePrincipal } from "@/lib/auth/principal";
import { enforceRateLimit } from "@/lib/auth/rate-limit";
import { env } from "@/lib/env";
import { route } from "@/lib/http/route";
import { cachedCatalog } from "@/lib/registry/catalog-cache";
import { listPlugins } from "@/lib/registry/list-plugins";
import { publishVersion } from "@/lib/registry/publish-version";
import { listQuerySchema, pluginListSchema, publishResultSchema } from "@/lib/registry/schemas";
import { receiveUpload } from "@/lib/uploads/receive-upload";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "Search and page through the catalog", query: listQuerySchema, response: pluginListSchema, read: true },
  async ({ query }) => {
    const body = await cachedCatalog(JSON.stringify(query), async () => JSON.stringify(await listPlugins(query)));
    return new Response(body, { headers: { "content-type": "application/json" } });
  },
);

export const POST = route(
  { summary: "Publish a plugin archive (201; 200 when the same bytes were already published)", upload: true, response: publishResultSchema, status: 201 },
  async ({ req }) => {
    // Authenticate before reading a byte of the body.
    const publisher = await requirePrincipal(req);
    await enforceRateLimit("publish", publisher.user.id);
    const upload = await receiveUpload(req, env().ARCHIVE_MAX_BYTES);
    const result = await publishVersion(upload.file, publisher);
    return Response.json(result, {
      status: result.created ? 201 : 200,
      headers: { location: `/api/v1/plugins/${result.plugin.code}/versions/${encodeURIComponent(result.version.version)}` },
    });
  },
);
