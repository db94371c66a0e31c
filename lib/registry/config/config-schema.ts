import semver from "semver";
import { z } from "zod";
import { CATEGORIES } from "./categories";

const SLUG = /^[a-z0-9_-]+$/;
// `pkg.module.Name` or `pkg.module:Name`: a module path, then the attribute to load from it.
const ENTRYPOINT = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*[.:][A-Za-z_]\w*$/;

/** A message for a wrong type that says "is required" when the field is simply missing. */
const expected = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : message);
const text = (what: string) => z.string({ error: expected(`must be text (${what})`) });

/** FormKit schema nodes: inputs (`$formkit` + `name`) or layout nodes (`$el`, `$cmp`), kept verbatim. */
const formkitNode = z.union(
  [
    z.looseObject({ $formkit: z.string().min(1), name: z.string().min(1, "is required for an input") }),
    z.looseObject({ $el: z.string().min(1) }),
    z.looseObject({ $cmp: z.string().min(1) }),
  ],
  { error: "must be a FormKit node: an object with `$formkit` and `name` (or `$el` / `$cmp`)" },
);
const formkitList = z.array(formkitNode, { error: "must be a list of FormKit nodes" });

const safeRelativePath = (p: string) => p.length > 0 && !p.startsWith("/") && !p.includes("\\") && !p.split("/").includes("..");

export const actionSchema = z.looseObject({
  entrypoint: text("pkg.module.Name").regex(ENTRYPOINT, "must look like pkg.module.Name or pkg.module:Name"),
  method: z.enum(["job", "task", "serve", "restapi"], { error: "must be one of job, task, serve, restapi" }).optional(),
  description: text("a sentence").optional(),
  params_schema: formkitList.optional(),
  ui_schema: formkitList.optional(),
  hyperparameters: z.looseObject({ train_ui_schemas: formkitList.optional() }).optional(),
  input_type: text("a type name").optional(),
  output_type: text("a type name").optional(),
  serve_options: z.record(z.string(), z.unknown(), { error: "must be a mapping" }).optional(),
});

export const configSchema = z.looseObject({
  name: text("the display name").trim().min(1, "is required"),
  code: text("a slug").regex(SLUG, "must use only a-z, 0-9, _ and -").max(100).optional(),
  version: z
    .string({ error: expected('must be a quoted semantic version such as "1.2.3"') })
    .refine((v) => semver.valid(v) === v, 'must be a semantic version such as "1.2.3"'),
  category: z.enum(CATEGORIES, { error: expected(`must be one of ${CATEGORIES.join(", ")}`) }),
  description: text("a sentence").trim().min(1, "is required by the registry"),
  readme: text("a path").refine(safeRelativePath, "must be a relative path inside the plugin").optional(),
  package_manager: z.enum(["pip", "uv"], { error: "must be pip or uv" }).default("pip"),
  package_manager_options: z.array(z.string(), { error: "must be a list of strings" }).default([]),
  actions: z
    .record(z.string().regex(/^[A-Za-z0-9_-]+$/, "action names use only letters, digits, _ and -"), actionSchema, {
      error: expected("must be a mapping of action name to action"),
    })
    .refine((actions) => Object.keys(actions).length > 0, "must declare at least one action"),
});

export type RawConfig = z.infer<typeof configSchema>;
