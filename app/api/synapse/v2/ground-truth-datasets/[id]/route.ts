// GET /v2/ground-truth-datasets/{id}/ — a project's ground-truth dataset (the SDK resolves a GT export's project through it)
import { route } from "@/lib/http/route";
import { projectIdParam } from "@/lib/projects/schemas";
import { getSdkGroundTruthDataset } from "@/lib/synapse/export/sdk-project";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "A ground-truth dataset, as the Synapse SDK's v2 client reads it", params: projectIdParam }, async ({ req, params }) =>
  getSdkGroundTruthDataset(req, params.id),
);
