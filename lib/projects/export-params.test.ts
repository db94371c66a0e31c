import { describe, expect, it } from "vitest";
import { defaultExportName, exportParams, hubStorageProblems, type ExportForm } from "./export-params";

const form = (over: Partial<ExportForm>): ExportForm => ({
  target: "assignment",
  versionId: null,
  idFrom: "",
  idTo: "",
  name: "out",
  saveOriginalFile: true,
  ...over,
});

describe("export params", () => {
  it("assignments and tasks filter by project, with the id range when given", () => {
    expect(exportParams(3, form({}))).toEqual({
      ok: true,
      params: { name: "out", storage: 1, path: "/", target: "assignment", filter: { project: 3 }, save_original_file: true },
    });
    const ranged = exportParams(3, form({ target: "task", idFrom: "10", idTo: "20", saveOriginalFile: false }));
    expect(ranged).toMatchObject({ ok: true, params: { target: "task", filter: { project: 3, id__gte: 10, id__lte: 20 }, save_original_file: false } });
  });

  it("ground truth filters by the version alone (the SDK's singular key), and needs one", () => {
    expect(exportParams(3, form({ target: "ground_truth", versionId: 7, idFrom: "5" }))).toMatchObject({
      ok: true,
      params: { filter: { ground_truth_dataset_version: 7 } },
    });
    expect(exportParams(3, form({ target: "ground_truth" }))).toEqual({ ok: false, errors: { version: "pick a version" } });
  });

  it("refuses a blank or path-like name and a bad range, every field at once", () => {
    const result = exportParams(3, form({ name: " a/b ", idFrom: "x", idTo: "0" }));
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.errors).sort()).toEqual(["idFrom", "idTo", "name"]);
    expect(exportParams(3, form({ idFrom: "9", idTo: "2" }))).toEqual({ ok: false, errors: { idTo: "must not be below the first id" } });
    expect(exportParams(3, form({ name: "  " }))).toEqual({ ok: false, errors: { name: "is required" } });
    // "." or ".." would write the export beside its folder, where nothing takes it in.
    for (const name of [".", "..", ".hidden"]) expect(exportParams(3, form({ name })).ok, name).toBe(false);
  });

  it("names the output after the project and target", () => {
    expect(defaultExportName("Example: coloured shapes", "ground_truth")).toBe("example-coloured-shapes-ground-truth");
    expect(defaultExportName("***", "task")).toBe("project-task");
  });

  it("launch params naming the hub's storage must stay inside the run's folder", () => {
    const ok = { name: "out", storage: 1, path: "/", target: "task" };
    expect(hubStorageProblems(ok)).toEqual([]);
    expect(hubStorageProblems({ ...ok, path: "/sub/dir" })).toEqual([]);
    for (const name of ["..", ".", "../up", "a/b", "a\\b", ".hidden", "", 7]) {
      expect(
        hubStorageProblems({ ...ok, name }).map((p) => p.path),
        String(name),
      ).toEqual(["name"]);
    }
    expect(hubStorageProblems({ ...ok, storage: "1", path: "/../../etc" }).map((p) => p.path)).toEqual(["path"]);
    expect(hubStorageProblems({ ...ok, path: "a\\..\\b" }).map((p) => p.path)).toEqual(["path"]);
    // Whatever spells the storage (pydantic reads all of these as 1); params without one are not an export's.
    for (const storage of ["01", " 1", "1.0", true, 2]) {
      expect(
        hubStorageProblems({ name: "..", storage, path: "../x" }).map((p) => p.path),
        String(storage),
      ).toEqual(["name", "path"]);
    }
    expect(hubStorageProblems({ name: ".." })).toEqual([]);
  });
});
