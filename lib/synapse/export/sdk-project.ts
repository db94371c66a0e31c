import "server-only";
import { pool } from "@/lib/db/pool";
import { notFound } from "@/lib/http/errors";
import { assertMayRead, exportReader } from "./access";

/**
 * `GET /projects/{id}/` (the SDK's `get_project`: exporters read its `configuration`) and
 * `GET /ground_truth_dataset_versions/{id}/` (`get_ground_truth_version`), in the Synapse backend's
 * shapes. The hub has one ground-truth dataset per project, so a version's `ground_truth_dataset` is
 * its project's id.
 */
export async function getSdkProject(req: Request, id: number) {
  const reader = await exportReader(req);
  const { rows } = await pool().query<{ id: number; name: string; description: string; configuration: unknown; created_at: Date }>(
    "SELECT id, name, description, configuration, created_at FROM projects WHERE id = $1",
    [id],
  );
  const project = rows[0];
  if (!project) throw notFound("project_not_found", `No project ${id}.`);
  assertMayRead(reader, [project.id]);
  return {
    id: project.id,
    title: project.name,
    name: project.name,
    description: project.description,
    configuration: project.configuration ?? {},
    created: project.created_at.toISOString(),
  };
}

export async function getSdkGroundTruthVersion(req: Request, id: number) {
  const reader = await exportReader(req);
  const { rows } = await pool().query<{ id: number; name: string; description: string; project_id: number; created_at: Date; events: number }>(
    `SELECT v.id, v.name, v.description, v.project_id, v.created_at, (SELECT count(*)::int FROM ground_truth_events e WHERE e.version_id = v.id) AS events
     FROM ground_truth_versions v WHERE v.id = $1`,
    [id],
  );
  const version = rows[0];
  if (!version) throw notFound("not_found", `No ground-truth dataset version ${id}.`);
  assertMayRead(reader, [version.project_id]);
  return {
    id: version.id,
    name: version.name,
    description: version.description,
    project: version.project_id,
    ground_truth_dataset: version.project_id,
    count_events: version.events,
    created: version.created_at.toISOString(),
  };
}

/**
 * `GET /v2/ground-truth-datasets/{id}/`: the one v2 call of an in-process export. A ground-truth
 * export names only its dataset version; the SDK finds the project (whose configuration it hands the
 * exporter) as version → `ground_truth_dataset` → this call's `project_id` (gt_project.py). The hub's
 * dataset id is its project's id. Answered without the v2 `{data, meta}` envelope, which the SDK
 * unwraps only when present.
 */
export async function getSdkGroundTruthDataset(req: Request, id: number) {
  const reader = await exportReader(req);
  const { rows } = await pool().query<{ id: number; name: string; description: string }>("SELECT id, name, description FROM projects WHERE id = $1", [id]);
  const project = rows[0];
  if (!project) throw notFound("not_found", `No ground-truth dataset ${id}.`);
  assertMayRead(reader, [project.id]);
  return { id: project.id, name: project.name, tenant_id: 1, project_id: project.id, description: project.description };
}
