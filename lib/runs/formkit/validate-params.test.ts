import { describe, expect, it } from "vitest";
import { actionFormFields } from "./action-form-fields";
import { validateParams } from "./validate-params";

const train = actionFormFields({
  hyperparameters: {
    train_ui_schemas: [
      { $formkit: "number", name: "epochs", value: 20, min: 1, max: 500, step: 1, required: true },
      { $formkit: "number", name: "learning_rate", value: 0.1, min: 0.0001, max: 10, step: 0.0001 },
      { $formkit: "number", name: "dropout", min: 0, max: 1, step: 0.1 },
    ],
  },
});

const errorsOf = (fields: Parameters<typeof validateParams>[0], params: unknown) => {
  const result = validateParams(fields, params);
  return result.ok ? [] : result.errors;
};

describe("validateParams: numbers", () => {
  it("accepts in-range values on the step grid, reading numeric text as numbers", () => {
    expect(validateParams(train, { epochs: "30", learning_rate: 0.0003, dropout: 0.3 })).toEqual({
      ok: true,
      params: { epochs: 30, learning_rate: 0.0003, dropout: 0.3 },
    });
    // 0.7 / 0.1 is 6.999999999999999 in floating point: still on the grid.
    expect(validateParams(train, { epochs: 1, dropout: 0.7 }).ok).toBe(true);
  });

  it("refuses out-of-range, off-step and non-numbers, reporting every field", () => {
    expect(errorsOf(train, { epochs: 501, learning_rate: 0.00015, dropout: "lots" })).toEqual([
      { path: "epochs", message: "must be at most 500" },
      { path: "learning_rate", message: "must be 0.0001 plus a multiple of 0.0001" },
      { path: "dropout", message: "must be a number" },
    ]);
    expect(errorsOf(train, { epochs: 0 })).toEqual([{ path: "epochs", message: "must be at least 1" }]);
    expect(errorsOf(train, { epochs: 2.5 })).toEqual([{ path: "epochs", message: "must be 1 plus a multiple of 1" }]);
    expect(errorsOf(train, { epochs: "Infinity" })).toEqual([{ path: "epochs", message: "must be a number" }]);
  });

  it("requires required fields; leaves empty optional ones out", () => {
    expect(errorsOf(train, {})).toEqual([{ path: "epochs", message: "is required" }]);
    expect(errorsOf(train, { epochs: "  " })).toEqual([{ path: "epochs", message: "is required" }]);
    expect(validateParams(train, { epochs: 3, learning_rate: "", dropout: null })).toEqual({ ok: true, params: { epochs: 3 } });
  });
});

describe("validateParams: other inputs", () => {
  const fields = actionFormFields({
    params_schema: [
      { $formkit: "select", name: "target", required: true, options: [{ label: "Assignments", value: "assignment" }, "task"] },
      { $formkit: "radio", name: "size", options: [1, 2] },
      { $formkit: "checkbox", name: "original" },
      { $formkit: "checkbox", name: "agree", required: true },
      { $formkit: "checkbox", name: "parts", options: ["a", "b"] },
      { $formkit: "text", name: "name", validation: "length:2,4" },
      { $formkit: "textarea", name: "notes" },
    ],
  });

  it("accepts option values (an HTML control's text for a number too) and booleans", () => {
    expect(
      validateParams(fields, { target: "task", size: "2", original: "false", agree: true, parts: ["b"], name: 12, notes: "hi", extra: { any: 1 } }),
    ).toEqual({ ok: true, params: { target: "task", size: 2, original: false, agree: true, parts: ["b"], name: "12", notes: "hi", extra: { any: 1 } } });
  });

  it("refuses values outside the options, non-booleans, unchecked required boxes and wrong lengths", () => {
    expect(errorsOf(fields, { target: "Assignments", size: 3, original: "yes", agree: false, parts: ["c"], name: "x", notes: true })).toEqual([
      { path: "target", message: 'must be one of: "assignment", "task"' },
      { path: "size", message: "must be one of: 1, 2" },
      { path: "original", message: "must be true or false" },
      { path: "agree", message: "must be checked" },
      { path: "parts.0", message: 'must be one of: "a", "b"' },
      { path: "name", message: "must be at least 2 characters" },
      { path: "notes", message: "must be text" },
    ]);
    expect(errorsOf(fields, { agree: true })).toEqual([{ path: "target", message: "is required" }]);
  });

  it("keeps keys the form does not know, but still checks the ones it does", () => {
    expect(errorsOf(fields, { target: "task", agree: true, size: "x", unknown: [1, 2] })).toEqual([{ path: "size", message: "must be one of: 1, 2" }]);
  });
});

describe("validateParams: groups and lists", () => {
  const fields = actionFormFields({
    params_schema: [
      {
        $formkit: "group",
        name: "optim",
        children: [
          { $formkit: "number", name: "lr", required: true, max: 1 },
          { $formkit: "text", name: "kind" },
        ],
      },
      { $formkit: "list", name: "layers", required: true, children: [{ $formkit: "number", name: "units", min: 1, required: true }] },
      { $formkit: "list", name: "tags", children: [{ $formkit: "text" }] },
    ],
  });

  it("validates nested values and names the path of each error", () => {
    expect(errorsOf(fields, { optim: { lr: 2, other: 1 }, layers: [{ units: 4 }, { units: 0 }, {}], tags: ["a", ""] })).toEqual([
      { path: "optim.lr", message: "must be at most 1" },
      { path: "layers.1.units", message: "must be at least 1" },
      { path: "layers.2.units", message: "is required" },
      { path: "tags.1", message: "is required" },
    ]);
    expect(errorsOf(fields, {})).toEqual([
      { path: "optim.lr", message: "is required" },
      { path: "layers", message: "add at least one item" },
    ]);
    expect(errorsOf(fields, { optim: 3, layers: "4" })).toEqual([
      { path: "optim", message: "must be an object" },
      { path: "layers", message: "must be a list" },
    ]);
  });

  it("returns nested values read as their types, extra keys kept", () => {
    expect(validateParams(fields, { optim: { lr: "0.5", kind: "", other: 1 }, layers: [{ units: "8" }] })).toEqual({
      ok: true,
      params: { optim: { lr: 0.5, other: 1 }, layers: [{ units: 8 }], tags: [] },
    });
  });
});

describe("validateParams: actions without a schema", () => {
  it("accepts any JSON object and refuses anything else", () => {
    expect(validateParams([], { anything: [1, { deep: null }] })).toEqual({ ok: true, params: { anything: [1, { deep: null }] } });
    for (const bad of [null, [], "{}", 3, undefined]) {
      expect(validateParams([], bad)).toEqual({ ok: false, errors: [{ path: "(root)", message: "must be a JSON object" }] });
    }
  });
});
