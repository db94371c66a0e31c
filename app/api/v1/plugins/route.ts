// GET /api/v1/plugins — search and page through the catalog
// POST /api/v1/plugins — publish a plugin archive (multipart `file`, or the raw archive as the body)
import { requirePrincipal } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { route } from "@/lib/http/route";
import { cachedCatalog } from "@/lib/registry/catalog-cache";
import { listPluginsJson } from "@/lib/registry/list-plugins";
import { publishVersion } from "@/lib/registry/publish-version";
import { listQuerySchema } from "@/lib/registry/schemas";
import { receiveUpload } from "@/lib/uploads/receive-upload";

export const dynamic = "force-dynamic";

export const GET = route({ query: listQuerySchema, read: true }, async ({ query }) => {
  const body = await cachedCatalog(JSON.stringify(query), () => listPluginsJson(query));
  return new Response(body, { headers: { "content-type": "application/json" } });
});

export const POST = route({}, async ({ req }) => {
  // Authenticate before reading a byte of the body.
  const publisher = await requirePrincipal(req);
  const upload = await receiveUpload(req, env().ARCHIVE_MAX_BYTES);
  const result = await publishVersion(upload.file, publisher);
  return Response.json(result, {
    status: result.created ? 201 : 200,
    headers: { location: `/api/v1/plugins/${result.plugin.code}/versions/${encodeURIComponent(result.version.version)}` },
  });
});
