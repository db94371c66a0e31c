// GET /projects/{id}/ — a project with its configuration (the SDK's get_project)
import { route } from "@/lib/http/route";
import { projectIdParam } from "@/lib/projects/schemas";
import { getSdkProject } from "@/lib/synapse/export/sdk-project";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "A project, as the Synapse SDK reads it", params: projectIdParam }, async ({ req, params }) =>
  getSdkProject(req, params.id),
);
