// GET /ground_truth_dataset_versions/{id}/ — a ground-truth dataset version (the SDK's get_ground_truth_version)
import { route } from "@/lib/http/route";
import { projectIdParam } from "@/lib/projects/schemas";
import { getSdkGroundTruthVersion } from "@/lib/synapse/export/sdk-project";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "A ground-truth dataset version, as the Synapse SDK reads it", params: projectIdParam }, async ({ req, params }) =>
  getSdkGroundTruthVersion(req, params.id),
);
