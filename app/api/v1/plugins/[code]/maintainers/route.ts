// POST /api/v1/plugins/{code}/maintainers — the owner (or an admin) adds a maintainer by email
import { z } from "zod";
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { addMaintainer } from "@/lib/registry/maintainers";
import { codeParam, maintainerBodySchema } from "@/lib/registry/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  { summary: "Add a maintainer by email (the owner or an admin)", params: z.object({ code: codeParam }), body: maintainerBodySchema, status: 201 },
  async ({ req, params, body }) => {
    const principal = await requirePrincipal(req, { scope: "publish", code: params.code });
    const { email } = await body();
    return Response.json(await addMaintainer(principal, params.code, email), { status: 201 });
  },
);
