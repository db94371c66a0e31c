// GET /api/v1/exports — export runs (plugins of category export), newest first, with target, project, size (keyset paging)
import { requirePrincipal } from "@/lib/auth/principal";
import { listExports } from "@/lib/exports/list-exports";
import { exportListQuery, exportListSchema } from "@/lib/exports/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "Export runs, newest first, with what they export and produced", query: exportListQuery, response: exportListSchema },
  async ({ req, query }) => {
    await requirePrincipal(req, { scope: "read" }); // like the projects it names
    return Response.json(await listExports(query), { headers: { "cache-control": "no-store" } });
  },
);
