// GET /api/v1/projects/{id} — a project with its counts and ground-truth versions
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { getProject } from "@/lib/projects/get-project";
import { projectDetailSchema, projectIdParam } from "@/lib/projects/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "A project: counts, ground-truth versions, assignment statuses", params: projectIdParam, response: projectDetailSchema },
  async ({ req, params }) => {
    await requirePrincipal(req, { scope: "read" });
    return getProject(params.id);
  },
);
