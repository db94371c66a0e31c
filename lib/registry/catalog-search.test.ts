import { describe, expect, it } from "vitest";
import { likePattern } from "./catalog-search";

describe("likePattern", () => {
  it("takes LIKE's wildcards and its escape character literally", () => {
    expect(likePattern("50%_off\\x")).toBe("%50\\%\\_off\\\\x%");
    expect(likePattern("vision")).toBe("%vision%");
  });
});
