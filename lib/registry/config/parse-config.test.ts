import { describe, expect, it } from "vitest";
import { parseConfig } from "./parse-config";

const valid = `name: My Plugin
version: "1.2.3"
category: neural_net
description: Does things.
custom_key: kept
actions:
  train:
    entrypoint: plugin.train.TrainAction
  inference:
    entrypoint: plugin.serve:Serve
  old_api:
    entrypoint: plugin.api:Api
    method: restapi
  analyse:
    entrypoint: plugin.x:y
`;

function errorsOf(source: string) {
  const result = parseConfig(source);
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

describe("parseConfig", () => {
  it("applies the SDK's defaults and keeps unknown keys", () => {
    const result = parseConfig(valid);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.config.code).toBe("my-plugin");
    expect(result.config.readme).toBe("README.md");
    expect(result.config.package_manager).toBe("pip");
    expect(result.config.custom_key).toBe("kept");
    expect(Object.fromEntries(Object.entries(result.config.actions).map(([k, a]) => [k, a.method]))).toEqual({
      train: "job",
      inference: "serve",
      old_api: "task",
      analyse: "task",
    });
  });

  it("merges --no-cache into uv options", () => {
    const result = parseConfig(valid + "package_manager: uv\npackage_manager_options: [--index-strategy, unsafe-best-match]\n");
    if (!result.ok) throw new Error("expected ok");
    expect(result.config.package_manager_options).toEqual(["--no-cache", "--index-strategy", "unsafe-best-match"]);
  });

  it("reports every field problem at once, each with its line and column", () => {
    const errors = errorsOf(`name: X
version: 1.0
category: robots
actions:
  train:
    entrypoint: "not an entrypoint"
`);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "version", line: 2, column: 10 }),
        expect.objectContaining({ path: "category", line: 3, column: 11 }),
        expect.objectContaining({ path: "description", line: 1, column: 1 }),
        expect.objectContaining({ path: "actions.train.entrypoint", line: 6, column: 17 }),
      ]),
    );
    expect(errors).toHaveLength(4);
  });

  it("requires at least one action", () => {
    expect(errorsOf(valid.replace(/actions:[\s\S]*/, "actions: {}\n"))).toEqual([expect.objectContaining({ path: "actions", line: 6, column: 10 })]);
  });

  it("validates FormKit parameter lists", () => {
    const errors = errorsOf(valid + "  tune:\n    entrypoint: a.b:c\n    params_schema:\n      - label: no type\n");
    expect(errors[0]).toMatchObject({ path: "actions.tune.params_schema.0", line: 19, column: 9 });
  });

  it("reports YAML syntax errors with their position", () => {
    const errors = errorsOf("name: x\nversion: [1, 2\ncategory: custom\n");
    expect(errors[0]).toMatchObject({ path: "(yaml)" });
    expect(errors[0].line).toBeGreaterThanOrEqual(2);
    expect(errors[0].column).toBeGreaterThanOrEqual(1);
  });

  it("rejects duplicate keys, pointing at the duplicate", () => {
    const errors = errorsOf(valid + "name: Again\n");
    expect(errors).toEqual([expect.objectContaining({ path: "(yaml)", line: 16, column: 1 })]);
    expect(errors[0].message).toMatch(/unique/i);
  });

  it("rejects aliases (no billion laughs)", () => {
    const errors = errorsOf("a: &x [1, 2]\nb: *x\n" + valid);
    expect(errors).toEqual([expect.objectContaining({ path: "(yaml)", line: 2, column: 4 })]);
    expect(errors[0].message).toMatch(/alias/i);
  });

  it("rejects a document that is not a mapping", () => {
    expect(errorsOf("- just\n- a list\n")).toEqual([expect.objectContaining({ path: "(root)", line: 1, column: 1 })]);
  });

  it("rejects a code that is not a slug, and a readme outside the plugin", () => {
    const errors = errorsOf(valid + "code: Not A Slug\nreadme: ../../etc/passwd\n");
    expect(errors.map((e) => e.path).sort()).toEqual(["code", "readme"]);
  });
});
