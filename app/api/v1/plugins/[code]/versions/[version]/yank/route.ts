// POST /api/v1/plugins/{code}/versions/{version}/yank — hide a version from "latest" ({"yanked": false} restores it)
import { z } from "zod";
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { codeParam, versionParam, versionSummarySchema, yankBodySchema } from "@/lib/registry/schemas";
import { setYanked } from "@/lib/registry/yank-version";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    summary: 'Yank a version (hidden from `latest`, still downloadable); `{"yanked": false}` restores it',
    params: z.object({ code: codeParam, version: versionParam }),
    body: yankBodySchema,
    response: versionSummarySchema,
  },
  async ({ req, params, body }) => {
    const principal = await requirePrincipal(req);
    const { yanked, reason } = await body();
    return setYanked(principal, params.code, params.version, yanked, reason);
  },
);
