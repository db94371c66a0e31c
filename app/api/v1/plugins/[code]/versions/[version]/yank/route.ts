// POST /api/v1/plugins/{code}/versions/{version}/yank — hide a version from "latest" ({"yanked": false} restores it)
import { z } from "zod";
import { requirePrincipal } from "@/lib/auth/principal";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { codeParam, versionParam, yankBodySchema } from "@/lib/registry/schemas";
import { setYanked } from "@/lib/registry/yank-version";

export const dynamic = "force-dynamic";

export const POST = route({ params: z.object({ code: codeParam, version: versionParam }) }, async ({ req, params }) => {
  const principal = await requirePrincipal(req);
  const body = yankBodySchema.parse(await readJson(req, {}));
  return setYanked(principal, params.code, params.version, body.yanked, body.reason);
});
