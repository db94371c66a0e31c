// GET /api/v1/projects — projects, newest first
// POST /api/v1/projects — import a project (multipart `file`: a .zip or a .jsonl; see README "Projects")
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { listProjects } from "@/lib/projects/get-project";
import { receiveImport } from "@/lib/projects/import/receive-import";
import { importResultSchema, projectListQuery, projectListSchema } from "@/lib/projects/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "Projects, newest first", query: projectListQuery, response: projectListSchema }, async ({ req, query }) => {
  await requirePrincipal(req, { scope: "read" });
  return listProjects(query);
});

export const POST = route(
  {
    summary: "Import a project from a .zip or a .jsonl (all or nothing; 422 lists every error with its file and line)",
    upload: true,
    response: importResultSchema,
    status: 201,
  },
  async ({ req }) => {
    const result = await receiveImport(req, await requirePrincipal(req, { scope: "publish" }));
    return Response.json(result, { status: 201, headers: { location: `/api/v1/projects/${result.id}` } });
  },
);
