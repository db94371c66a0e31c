// What an export run exports, read from its params: the SDK's ExportParams (`target`, `name`,
// `filter.project` or `filter.ground_truth_dataset_version`; /work/notes/export-protocol.md), and
// the spellings older clients use. Runs launched by hand may name nothing: every field is optional.

export type ExportParams = { target: string | null; projectId: number | null; groundTruthVersionId: number | null; name: string | null };

const record = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

const text = (...values: unknown[]): string | null => {
  for (const value of values) if (typeof value === "string" && value.trim()) return value.trim();
  return null;
};

// Project and version ids are INT4 (the Synapse SDK's ids): a larger number names nothing, and must not reach a query.
const MAX_ID = 2_147_483_647;

/** The first positive integer id among `values`: a number, a numeric string, `{id}`, or a list (its first). */
const id = (...values: unknown[]): number | null => {
  for (const value of values) {
    if (Array.isArray(value)) {
      const first = id(value[0]);
      if (first !== null) return first;
      continue;
    }
    const n = typeof value === "string" && /^\d+(,|$)/.test(value.trim()) ? Number(value.trim().split(",")[0]) : value;
    if (typeof n === "number" && Number.isInteger(n) && n > 0 && n <= MAX_ID) return n;
    const nested = record(value);
    if (nested && nested.id !== undefined) {
      const inner = id(nested.id);
      if (inner !== null) return inner;
    }
  }
  return null;
};

export function readExportParams(params: unknown): ExportParams {
  const p = record(params) ?? {};
  const filter = record(p.filter) ?? {};
  return {
    target: text(p.target),
    projectId: id(filter.project, filter.project_id, p.project, p.project_id),
    groundTruthVersionId: id(filter.ground_truth_dataset_version, filter.ground_truth_dataset_versions, p.ground_truth_dataset_version),
    name: text(p.name, p.output_name),
  };
}
