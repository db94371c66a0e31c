import { describe, expect, it } from "vitest";
import { actionFormFields } from "./action-form-fields";
import { formPath, setIn, shownPaths } from "./form-paths";

describe("setIn", () => {
  it("replaces one leaf, copying only what lies on its path", () => {
    const before = { a: { b: 1 }, keep: { x: 1 }, list: [{ u: 1 }, { u: 2 }] };
    const after = setIn(before, ["list", 1, "u"], 5) as typeof before;
    expect(after).toEqual({ a: { b: 1 }, keep: { x: 1 }, list: [{ u: 1 }, { u: 5 }] });
    expect(before.list[1].u).toBe(2);
    expect(after.keep).toBe(before.keep);
    expect(setIn(undefined, ["g", "x"], 1)).toEqual({ g: { x: 1 } });
  });
});

describe("shownPaths", () => {
  it("names every control's path, list items included, so other errors can go to the top", () => {
    const fields = actionFormFields({
      params_schema: [
        { $formkit: "number", name: "n" },
        { $formkit: "group", name: "g", children: [{ $formkit: "text", name: "t" }] },
        { $formkit: "list", name: "rows", children: [{ $formkit: "number", name: "u" }] },
        { $formkit: "list", name: "tags", children: [{ $formkit: "text" }] },
      ],
    });
    const shown = shownPaths(fields, { rows: [{}, {}], tags: ["a"] });
    expect([...shown].sort()).toEqual(["g", "g.t", "n", "rows", "rows.0.u", "rows.1.u", "tags", "tags.0"]);
    expect(shown.has("gpu")).toBe(false);
  });
});

describe("formPath", () => {
  it("reads the server's `params.x` paths as the form's `x`", () => {
    expect(formPath({ path: "params.g.t", message: "m" })).toEqual({ path: "g.t", message: "m" });
    expect(formPath({ path: "plugin", message: "m" })).toEqual({ path: "plugin", message: "m" });
  });
});
