// config.yaml of a generated plugin: the registry's fields, one entry per default action with its
// FormKit params (train's as `hyperparameters.train_ui_schemas`, where the SDK's backend reads them).
import { stringify } from "yaml";
import type { ActionSpec, ParamSpec } from "./actions";
import { TEMPLATE_ACTIONS } from "./actions";
import type { TemplateVariables } from "./schemas";

export function entrypointOf(action: ActionSpec): string {
  return action.method === "serve" ? `plugin.${action.module}:serve` : `plugin.${action.module}.${action.className}`;
}

function formkit(param: ParamSpec): Record<string, unknown> {
  const kind = param.options ? "select" : param.type === "bool" ? "checkbox" : param.type === "str" ? "text" : "number";
  const node: Record<string, unknown> = { $formkit: kind, name: param.name, label: param.label, value: param.default };
  for (const key of ["min", "max", "step", "help", "required", "options"] as const) if (param[key] !== undefined) node[key] = param[key];
  return node;
}

export function renderConfig(vars: TemplateVariables): string {
  const actions = Object.fromEntries(
    TEMPLATE_ACTIONS[vars.category].map((action) => {
      const schema = action.params.map(formkit);
      const fields = action.name === "train" ? { hyperparameters: { train_ui_schemas: schema } } : { params_schema: schema };
      return [action.name, { entrypoint: entrypointOf(action), method: action.method, description: action.description, ...fields }];
    }),
  );
  const sdk = vars.runtime === "sdk";
  const config = {
    name: vars.name,
    code: vars.code,
    version: vars.version,
    category: vars.category,
    description: vars.description,
    readme: "README.md",
    // uv installs the SDK several times faster than pip.
    package_manager: sdk ? "uv" : "pip",
    requires: { python: sdk ? ">=3.12" : ">=3.10" },
    ...(vars.category === "custom" ? {} : { data_type: "image" }),
    actions,
  };
  return stringify(config, { lineWidth: 0 });
}
