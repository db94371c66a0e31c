import { describe, expect, it } from "vitest";
import { actionFormFields } from "./action-form-fields";
import { defaultParams } from "./default-params";

describe("defaultParams", () => {
  it("starts the form from each field's value, read as its type", () => {
    const fields = actionFormFields({
      params_schema: [
        { $formkit: "number", name: "epochs", value: 20 },
        { $formkit: "number", name: "lr", value: "0.1" },
        { $formkit: "number", name: "blank" },
        { $formkit: "text", name: "weights", value: "model.json" },
        { $formkit: "text", name: "n", value: 7 },
        { $formkit: "select", name: "target", value: "ground_truth", options: [{ label: "GT", value: "ground_truth" }] },
        { $formkit: "select", name: "size", value: "3", options: [1, 3] },
        { $formkit: "radio", name: "gone", value: "nope", options: ["a"] },
        { $formkit: "checkbox", name: "flag", value: "true" },
        { $formkit: "checkbox", name: "off" },
        { $formkit: "checkbox", name: "some", value: ["b", "z"], options: ["a", "b"] },
        { $formkit: "group", name: "g", children: [{ $formkit: "number", name: "x", value: 1 }] },
        { $formkit: "list", name: "l", value: [1, 2], children: [{ $formkit: "number" }] },
        { $formkit: "list", name: "empty", children: [{ $formkit: "number" }] },
      ],
    });
    expect(defaultParams(fields)).toEqual({
      epochs: 20,
      lr: 0.1,
      weights: "model.json",
      n: "7",
      target: "ground_truth",
      size: 3,
      flag: true,
      off: false,
      some: ["b"],
      g: { x: 1 },
      l: [1, 2],
      empty: [],
    });
  });
});
