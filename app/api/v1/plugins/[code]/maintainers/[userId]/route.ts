// DELETE /api/v1/plugins/{code}/maintainers/{userId} — remove a maintainer (or step down yourself)
import { z } from "zod";
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { removeMaintainer } from "@/lib/registry/maintainers";
import { codeParam } from "@/lib/registry/schemas";

export const dynamic = "force-dynamic";

export const DELETE = route(
  { summary: "Remove a maintainer (or step down yourself)", params: z.object({ code: codeParam, userId: z.string().min(1).max(100) }), status: 204 },
  async ({ req, params }) => {
    const principal = await requirePrincipal(req, { scope: "publish", code: params.code });
    await removeMaintainer(principal, params.code, params.userId);
    return new Response(null, { status: 204 });
  },
);
