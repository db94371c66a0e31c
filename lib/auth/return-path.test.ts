import { describe, expect, it } from "vitest";
import { safeReturnPath, signInFor } from "./return-path";

describe("safeReturnPath", () => {
  it("follows paths on this hub and nothing else", () => {
    expect(safeReturnPath("/plugins/x/run/train?version=1.0.0")).toBe("/plugins/x/run/train?version=1.0.0");
    for (const bad of ["https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", null, "/a\nb"])
      expect(safeReturnPath(bad)).toBe("/");
  });

  it("builds the sign-in link", () => {
    expect(signInFor("/runs/abc")).toBe("/sign-in?next=%2Fruns%2Fabc");
  });
});
