// POST /api/v1/templates/publish — publish a new plugin made from a template, for the signed-in user
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { publishResultSchema } from "@/lib/registry/schemas";
import { publishTemplate } from "@/lib/templates/publish-template";
import { templateInputSchema } from "@/lib/templates/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    summary: "Publish a new plugin made from a template (201; 200 when the same scaffold was already published)",
    description: "Needs a session or a token with the publish scope; the first to publish a code owns it.",
    body: templateInputSchema,
    response: publishResultSchema,
    status: 201,
  },
  async ({ req, body }) => {
    const principal = await requirePrincipal(req);
    const result = await publishTemplate(await body(), principal);
    return Response.json(result, {
      status: result.created ? 201 : 200,
      headers: { location: `/api/v1/plugins/${result.plugin.code}/versions/${encodeURIComponent(result.version.version)}` },
    });
  },
);
