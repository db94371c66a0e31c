import { describe, expect, it } from "vitest";
import { SqlConditions } from "./sql-conditions";

describe("SqlConditions", () => {
  it("numbers parameters in the order they are added, across conditions sharing one list", () => {
    const first = new SqlConditions();
    first.add((p) => `a = ${p(1)}`);
    const second = new SqlConditions(first.params);
    second.add((p) => `b BETWEEN ${p(2)} AND ${p(3)}`);
    const limit = second.param(10);
    expect([first.where, second.where, limit]).toEqual(["WHERE a = $1", "WHERE b BETWEEN $2 AND $3", "$4"]);
    expect(second.params).toEqual([1, 2, 3, 10]);
  });

  it("is TRUE (and no WHERE) when empty", () => {
    expect(new SqlConditions().sql).toBe("TRUE");
    expect(new SqlConditions().where).toBe("");
  });
});
