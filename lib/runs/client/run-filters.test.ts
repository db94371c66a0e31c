import { describe, expect, it } from "vitest";
import { parseRunFilters, runFiltersSearch, runListQuery } from "./run-filters";

describe("run filters in the URL", () => {
  it("keep what is valid and drop what is not", () => {
    expect(parseRunFilters(new URLSearchParams("status=running&plugin=tiny-classifier&action=%20train%20&mine=1"))).toEqual({
      status: "running",
      plugin: "tiny-classifier",
      action: "train",
      mine: true,
    });
    expect(parseRunFilters(new URLSearchParams("status=exploded&plugin=Not%20A%20Code&mine=yes"))).toEqual({
      status: undefined,
      plugin: undefined,
      action: undefined,
      mine: undefined,
    });
  });

  it("round-trip through the query string, and become the API's query", () => {
    const filters = { status: "failed" as const, action: "export", mine: true };
    expect(parseRunFilters(new URLSearchParams(runFiltersSearch(filters)))).toEqual({ ...filters, plugin: undefined });
    expect(runListQuery(filters)).toEqual({ status: "failed", plugin: undefined, action: "export", who: "me", limit: 25 });
  });
});
