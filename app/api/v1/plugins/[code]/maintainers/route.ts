// POST /api/v1/plugins/{code}/maintainers — the owner (or an admin) adds a maintainer by email
import { z } from "zod";
import { requirePrincipal } from "@/lib/auth/principal";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { addMaintainer } from "@/lib/registry/maintainers";
import { codeParam, maintainerBodySchema } from "@/lib/registry/schemas";

export const dynamic = "force-dynamic";

export const POST = route({ params: z.object({ code: codeParam }) }, async ({ req, params }) => {
  const principal = await requirePrincipal(req, { scope: "publish", code: params.code });
  const { email } = maintainerBodySchema.parse(await readJson(req, {}));
  return Response.json(await addMaintainer(principal, params.code, email), { status: 201 });
});
