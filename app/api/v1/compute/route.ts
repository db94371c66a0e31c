// GET /api/v1/compute — the backends this hub runs on: the local one, and the Ray cluster as it answers now
import { requirePrincipal } from "@/lib/auth/principal";
import { computeView } from "@/lib/compute/compute-view";
import { computeSchema } from "@/lib/compute/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "The compute backends and the Ray cluster's state", response: computeSchema }, async ({ req }) => {
  await requirePrincipal(req);
  return Response.json(await computeView(), { headers: { "cache-control": "no-store" } });
});
