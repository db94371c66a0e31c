import { describe, expect, it } from "vitest";
import { paramsFor, routeFor } from "./route-files";

describe("routeFor (Next.js App Router folder rules)", () => {
  it("keeps literal segments and names dynamic ones neutrally", () => {
    expect(routeFor(["api", "v1", "plugins", "[code]", "versions", "[version]"])).toMatchObject({
      patterns: ["/api/v1/plugins/:p0/versions/:p1"],
      params: [
        { name: "code", kind: "one" },
        { name: "version", kind: "one" },
      ],
      template: "/api/v1/plugins/{code}/versions/{version}",
    });
  });

  it("accepts parameter names the router could not (kebab-case)", () => {
    expect(routeFor(["api", "[plugin-code]"])).toMatchObject({ patterns: ["/api/:p0"], params: [{ name: "plugin-code" }] });
  });

  it("leaves (group) and @slot folders out of the URL", () => {
    expect(routeFor(["api", "(admin)", "@modal", "settings"])?.patterns).toEqual(["/api/settings"]);
  });

  it("does not route _private folders, but %5F is a literal underscore", () => {
    expect(routeFor(["api", "_lib", "x"])).toBeNull();
    expect(routeFor(["api", "%5Fnext"])?.patterns).toEqual(["/api/_next"]);
  });

  it("maps catch-alls to a wildcard, optional ones to both with and without", () => {
    expect(routeFor(["api", "auth", "[...all]"])).toMatchObject({ patterns: ["/api/auth/*"], params: [{ name: "all", kind: "many" }] });
    expect(routeFor(["api", "docs", "[[...slug]]"])?.patterns).toEqual(["/api/docs", "/api/docs/*"]);
  });

  it("refuses what Next.js refuses", () => {
    expect(() => routeFor(["api", "[...all]", "more"])).toThrow(/last segment/);
    expect(() => routeFor(["api", "[[id]]"])).toThrow(/optional/);
  });

  it("escapes a literal colon for find-my-way", () => {
    expect(routeFor(["api", "a:b"])?.patterns).toEqual(["/api/a::b"]);
  });
});

describe("paramsFor", () => {
  const files = routeFor(["api", "files", "[owner]", "[...path]"])!;

  it("gives catch-alls as arrays, split before decoding", () => {
    expect(paramsFor(files, { p0: "me" }, "/api/files/me/a%2Fb/c%20d")).toEqual({ owner: "me", path: ["a/b", "c d"] });
  });

  it("needs a segment for [...x] but not for [[...x]]", () => {
    expect(paramsFor(files, { p0: "me" }, "/api/files/me/")).toBeNull();
    const docs = routeFor(["api", "docs", "[[...slug]]"])!;
    expect(paramsFor(docs, {}, "/api/docs")).toEqual({});
    expect(paramsFor(docs, {}, "/api/docs/a/b")).toEqual({ slug: ["a", "b"] });
  });
});
