// GET /api/v1/projects/{id}/items — a page of tasks, assignments or ground-truth events, with their files
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { listItems } from "@/lib/projects/list-items";
import { itemPageSchema, itemsQuery, projectIdParam } from "@/lib/projects/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "A page of a project's tasks, assignments or ground-truth events (`kind`, `version`, `page`, `limit`)",
    params: projectIdParam,
    query: itemsQuery,
    response: itemPageSchema,
  },
  async ({ req, params, query }) => {
    await requirePrincipal(req, { scope: "read" });
    return listItems(params.id, query);
  },
);
