import { describe, expect, it } from "vitest";
import { actionFormFields } from "./action-form-fields";

describe("actionFormFields", () => {
  it("reads the example classifier's train_ui_schemas, numbers written as text included", () => {
    const fields = actionFormFields({
      hyperparameters: {
        train_ui_schemas: [
          { $formkit: "number", name: "epochs", label: "Epochs", value: 20, min: 1, max: 500, step: 1, help: "Passes.", required: true },
          { $formkit: "number", name: "lr", min: "0.0001", max: "10", step: "any" },
        ],
      },
    });
    expect(fields).toEqual([
      { type: "number", name: "epochs", label: "Epochs", help: "Passes.", required: true, value: 20, min: 1, max: 500, step: 1 },
      { type: "number", name: "lr", label: "lr", help: undefined, required: false, value: undefined, min: 0.0001, max: 10, step: undefined },
    ]);
  });

  it("merges params_schema, ui_schema and train_ui_schemas in that order; the first of a name wins", () => {
    const fields = actionFormFields({
      params_schema: [{ $formkit: "text", name: "a", label: "first" }],
      ui_schema: [
        { $formkit: "text", name: "a", label: "second" },
        { $formkit: "checkbox", name: "b" },
      ],
      hyperparameters: { train_ui_schemas: [{ $formkit: "number", name: "c" }] },
    });
    expect(fields.map((f) => [f.name, f.label, f.type])).toEqual([
      ["a", "first", "text"],
      ["b", "b", "checkbox"],
      ["c", "c", "number"],
    ]);
  });

  it("accepts options as values, {label, value} objects or a {value: label} map", () => {
    const [a, b, c] = actionFormFields({
      params_schema: [
        { $formkit: "select", name: "a", options: ["jsonl", "csv", 3] },
        { $formkit: "radio", name: "b", options: [{ label: "Ground truth", value: "ground_truth" }, { value: "task" }, { label: "no value" }] },
        { $formkit: "select", name: "c", options: { sgd: "SGD", adam: "Adam" } },
      ],
    });
    expect(a).toMatchObject({
      options: [
        { label: "jsonl", value: "jsonl" },
        { label: "csv", value: "csv" },
        { label: "3", value: 3 },
      ],
    });
    expect(b).toMatchObject({
      type: "radio",
      options: [
        { label: "Ground truth", value: "ground_truth" },
        { label: "task", value: "task" },
      ],
    });
    expect(c).toMatchObject({
      options: [
        { label: "SGD", value: "sgd" },
        { label: "Adam", value: "adam" },
      ],
    });
  });

  it("nests named groups, looks through unnamed groups and layout nodes, and reads lists", () => {
    const fields = actionFormFields({
      params_schema: [
        { $el: "h2", children: "Optimiser" },
        { $el: "div", attrs: { class: "row" }, children: [{ $formkit: "text", name: "inside_div" }] },
        {
          $formkit: "group",
          name: "optim",
          children: [
            { $formkit: "number", name: "lr" },
            { $formkit: "select", name: "kind", options: ["sgd"] },
          ],
        },
        { $formkit: "group", children: [{ $formkit: "textarea", name: "notes" }] },
        { $formkit: "list", name: "layers", value: [{ units: 4 }], children: [{ $formkit: "number", name: "units", min: 1 }] },
        { $formkit: "list", name: "tags", children: [{ $formkit: "text" }] },
      ],
    });
    expect(fields.map((f) => f.name)).toEqual(["inside_div", "optim", "notes", "layers", "tags"]);
    expect(fields[1]).toMatchObject({
      type: "group",
      children: [
        { name: "lr", type: "number" },
        { name: "kind", type: "select" },
      ],
    });
    expect(fields[3]).toMatchObject({ type: "list", value: [{ units: 4 }], children: [{ name: "units", min: 1 }], item: null });
    expect(fields[4]).toMatchObject({ type: "list", children: [], item: { type: "text", name: "" } });
  });

  it("reads required, min/max and length from FormKit validation rules, in both spellings", () => {
    const [a, b, c] = actionFormFields({
      params_schema: [
        { $formkit: "number", name: "a", validation: "required|between:10,1" },
        { $formkit: "text", name: "b", validation: [["required"], ["length", 2, 5], ["matches", "/x/"]] },
        { $formkit: "number", name: "c", validation: "*min:0|max:1", max: 2 },
      ],
    });
    expect(a).toMatchObject({ required: true, min: 1, max: 10 });
    expect(b).toMatchObject({ required: true, minLength: 2, maxLength: 5 });
    expect(c).toMatchObject({ required: false, min: 0, max: 2 }); // the attribute wins over the rule
  });

  it("ignores unknown types, nameless inputs and junk without throwing; maps FormKit's text family", () => {
    const fields = actionFormFields({
      params_schema: [
        { $formkit: "file", name: "upload" },
        { $formkit: "submit", label: "Go" },
        { $formkit: "text" },
        null,
        "text",
        42,
        { $formkit: "email", name: "email" },
        { $formkit: "range", name: "ratio", min: 0, max: 1, step: 0.1 },
        { $cmp: "FancyThing", children: [{ $formkit: "date", name: "since" }] },
      ],
      ui_schema: "not a list",
      hyperparameters: "nor this",
    });
    expect(fields.map((f) => [f.name, f.type])).toEqual([
      ["email", "text"],
      ["ratio", "number"],
      ["since", "text"],
    ]);
  });

  it("gives no fields to an action without a schema", () => {
    expect(actionFormFields({ entrypoint: "plugin.x:y" })).toEqual([]);
    expect(actionFormFields({ hyperparameters: {} })).toEqual([]);
  });
});
