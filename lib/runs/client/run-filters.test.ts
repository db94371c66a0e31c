import { describe, expect, it } from "vitest";
import { parseRunFilters, runFiltersSearch, runListQuery } from "./run-filters";

describe("run filters in the URL", () => {
  it("keep what is valid and drop what is not", () => {
    expect(parseRunFilters(new URLSearchParams("status=running&plugin=tiny-classifier&action=%20train%20&backend=ray&mine=1"))).toEqual({
      status: "running",
      plugin: "tiny-classifier",
      action: "train",
      backend: "ray",
      mine: true,
    });
    expect(parseRunFilters(new URLSearchParams("status=exploded&plugin=Not%20A%20Code&backend=mars&mine=yes"))).toEqual({
      status: undefined,
      plugin: undefined,
      action: undefined,
      backend: undefined,
      mine: undefined,
    });
  });

  it("round-trip through the query string, and become the API's query", () => {
    const filters = { status: "failed" as const, action: "export", backend: "local" as const, mine: true };
    expect(parseRunFilters(new URLSearchParams(runFiltersSearch(filters)))).toEqual({ ...filters, plugin: undefined });
    expect(runListQuery(filters)).toEqual({ status: "failed", plugin: undefined, action: "export", backend: "local", who: "me", limit: 25 });
  });
});
