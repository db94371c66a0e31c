// GET /api/v1/projects/{id}/files/{fileId} — a task file's bytes (previews, downloads; ranges)
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { projectFileParam } from "@/lib/projects/schemas";
import { serveProjectFile } from "@/lib/projects/serve-project-file";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "A task file's bytes", params: projectFileParam }, async ({ req, params }) => {
  await requirePrincipal(req, { scope: "read" });
  return serveProjectFile(req, params.id, params.fileId);
});
