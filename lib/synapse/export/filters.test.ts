import { describe, expect, it } from "vitest";
import { conditionsSql, parseFilters } from "./filters";
import { encodeCursor, parseListQuery, queryMap } from "./list-query";

const q = (search: string) => queryMap(new URL(`http://hub.test/sdk/tasks/?${search}`));

describe("export list filters", () => {
  it("accepts every key the SDK's handlers send, and applies the row filters", () => {
    const query = q("project=3&expand=data&page_size=100&response_mode=presigned&ordering=-id&pagination=cursor&id__in=1,2&created__gte=");
    const parsed = parseFilters("assignment", query);
    expect(parsed.values).toEqual({ project: 3, id__in: [1, 2] });
    expect(conditionsSql(parsed.conditions, 1)).toEqual({ sql: "a.project_id = $1 AND a.id = ANY($2)", params: [3, [1, 2]] });
    const gt = parseFilters("ground_truth", q("ground_truth_dataset_versions=7&expand=data&ordering=-pgh_id&pagination=cursor&category=circle"));
    expect(gt.values).toEqual({ ground_truth_dataset_versions: [7], category: "circle" });
    expect(parseFilters("task", q("project=3&expand=data_unit&expand=data_unit&_id_gte=5&_id_lt=9")).values).toEqual({ project: 3, _id_gte: 5, _id_lt: 9 });
  });

  it("refuses a key it does not apply, a bad value and a missing project", () => {
    expect(() => parseFilters("task", q("project=3&has_data=true"))).toThrow(expect.objectContaining({ code: "unsupported_filter" }));
    // `tasks` is an assignment filter, not a task one; `workshop` is one the hub does not apply.
    expect(() => parseFilters("task", q("project=3&tasks=1"))).toThrow(expect.objectContaining({ code: "unsupported_filter" }));
    expect(() => parseFilters("assignment", q("project=3&workshop=1"))).toThrow(expect.objectContaining({ code: "unsupported_filter" }));
    expect(() => parseFilters("task", q("project=abc"))).toThrow(expect.objectContaining({ code: "validation_failed" }));
    expect(() => parseFilters("task", q("id__in=1,x&project=1"))).toThrow(expect.objectContaining({ code: "validation_failed" }));
    expect(() => parseFilters("assignment", q("expand=data"))).toThrow(expect.objectContaining({ code: "validation_failed" }));
    expect(() => parseFilters("ground_truth", q("category=a"))).toThrow(expect.objectContaining({ code: "validation_failed" }));
  });

  it("pages by cursor or by page, and refuses a cursor it did not hand out", () => {
    expect(parseListQuery("task", q("pagination=cursor&page_size=50"))).toMatchObject({ mode: "cursor", pageSize: 50, after: null, descending: true });
    expect(parseListQuery("task", q(`cursor=${encodeCursor(17)}&ordering=id`))).toMatchObject({ mode: "cursor", after: 17, descending: false });
    expect(parseListQuery("task", q("page=3&page_size=1"))).toMatchObject({ mode: "page", page: 3, pageSize: 1 });
    expect(() => parseListQuery("task", q("cursor=nope&pagination=cursor"))).toThrow(expect.objectContaining({ code: "validation_failed" }));
    expect(() => parseListQuery("task", q("ordering=-pgh_id"))).toThrow(expect.objectContaining({ code: "validation_failed" }));
    expect(() => parseListQuery("task", q("page_size=5000"))).toThrow(expect.objectContaining({ code: "validation_failed" }));
  });
});
