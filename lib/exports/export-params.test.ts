import { describe, expect, it } from "vitest";
import { readExportParams } from "./export-params";

describe("readExportParams", () => {
  it("reads the SDK's ExportParams: an assignment or task export names a project, a ground-truth one a version", () => {
    expect(readExportParams({ name: "shapes-export", storage: 1, path: "/", target: "assignment", filter: { project: 3 } })).toEqual({
      target: "assignment",
      projectId: 3,
      groundTruthVersionId: null,
      name: "shapes-export",
    });
    expect(readExportParams({ name: "gt", target: "ground_truth", filter: { ground_truth_dataset_version: 2 } })).toMatchObject({
      projectId: null,
      groundTruthVersionId: 2,
    });
    expect(readExportParams({ filter: { ground_truth_dataset_versions: "5,6" } }).groundTruthVersionId).toBe(5);
    expect(readExportParams({ filter: { ground_truth_dataset_versions: [7, 8] } }).groundTruthVersionId).toBe(7);
  });

  it("takes a top-level project id, as a number, a numeric string or an object", () => {
    expect(readExportParams({ target: "task", project: "7" }).projectId).toBe(7);
    expect(readExportParams({ project_id: 8 }).projectId).toBe(8);
    expect(readExportParams({ filter: { project: { id: 9, name: "x" } } }).projectId).toBe(9);
  });

  it("answers null for what the params do not name or name badly", () => {
    expect(readExportParams({})).toEqual({ target: null, projectId: null, groundTruthVersionId: null, name: null });
    expect(readExportParams(null).target).toBeNull();
    expect(readExportParams({ target: "  ", project: -1, filter: [1] })).toMatchObject({ target: null, projectId: null });
    expect(readExportParams({ project: "abc", filter: { ground_truth_dataset_version: 0 } })).toMatchObject({ projectId: null, groundTruthVersionId: null });
    // Past INT4 an id names nothing (and must not reach a query: one such run broke the whole list).
    expect(readExportParams({ filter: { project: 9_999_999_999, ground_truth_dataset_version: 2_147_483_648 } })).toMatchObject({
      projectId: null,
      groundTruthVersionId: null,
    });
  });
});
