// One action's Python module, for the hub's runtime or the Synapse SDK. Both spell an action the
// SDK's way (`Cls(params, ctx).execute()`, the same four context methods), so moving a generated
// plugin from one runtime to the other is a change of imports and of how params are read.
import type { TemplateRuntime } from "./schemas";
import type { ActionSpec, ExecuteAction, ParamSpec } from "./actions";

const PY_TYPES: Record<ParamSpec["type"], string> = { int: "int", float: "float", str: "str", bool: "bool" };

/** A Python literal for a param's default. */
export function pythonLiteral(param: ParamSpec): string {
  const value = param.default;
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "string") return JSON.stringify(value);
  return param.type === "float" && Number.isInteger(value) ? `${value}.0` : String(value);
}

export function renderActionModule(action: ActionSpec, runtime: TemplateRuntime): string {
  const docstring = `"""${action.name}: ${action.description}"""`;
  if (action.method === "serve") {
    const head = imports(action.imports ?? []);
    return head ? `${docstring}\n\n${head}\n\n\n${action.source}` : `${docstring}\n\n\n${action.source}`;
  }
  return runtime === "sdk" ? sdkModule(action, docstring) : hubModule(action, docstring);
}

function hubModule(action: ExecuteAction, docstring: string): string {
  const reads = action.params.map((p) => `        ${p.name} = ${PY_TYPES[p.type]}(self.params.get(${JSON.stringify(p.name)}, ${pythonLiteral(p)}))`);
  return `${docstring}\n\n${[
    [imports(action.imports ?? []), "from synapse_hub_runtime import BaseAction"].filter(Boolean).join("\n\n"),
    [
      `class ${action.className}(BaseAction):`,
      `    """Run by the hub's runtime as ${action.className}(params, ctx).execute(); params is a dict of the params_schema values."""`,
      "",
      "    def execute(self):",
      ...reads,
      action.body.trimEnd(),
    ].join("\n"),
  ].join("\n\n\n")}`;
}

function sdkModule(action: ExecuteAction, docstring: string): string {
  const paramsClass = action.className.replace(/Action$/, "") + "Params";
  const literal = action.params.some((p) => p.options);
  const fields = action.params.map(
    (p) => `    ${p.name}: ${p.options ? `Literal[${p.options.map((o) => JSON.stringify(o)).join(", ")}]` : PY_TYPES[p.type]} = ${pythonLiteral(p)}`,
  );
  const reads = action.params.map((p) => `        ${p.name} = self.params.${p.name}`);
  // The SDK's context has no save_artifact: the package's helper keeps the file with the run.
  const source = action.sdkBody ?? action.body;
  const saves = source.includes("self.ctx.save_artifact(");
  const body = source.replaceAll("self.ctx.save_artifact(", "save_artifact(self.ctx, ").trimEnd();
  return `${docstring}\n\n${[
    [
      imports([...(action.imports ?? []), ...(literal ? ["typing:Literal"] : [])]),
      "from pydantic import BaseModel\nfrom synapse_sdk.plugins.action import BaseAction",
      saves ? "from . import save_artifact" : "",
    ]
      .filter(Boolean)
      .join("\n\n"),
    [`class ${paramsClass}(BaseModel):`, ...(fields.length ? fields : ["    pass"])].join("\n"),
    [
      `class ${action.className}(BaseAction[${paramsClass}]):`,
      `    """Run by the SDK's runner as ${action.className}(params, ctx).execute(); params is a validated ${paramsClass}."""`,
      "",
      "    def execute(self):",
      ...reads,
      body,
    ].join("\n"),
  ].join("\n\n\n")}`;
}

/** Standard-library imports: `json` → `import json`, `typing:Literal` → `from typing import Literal`. */
function imports(names: string[]): string {
  const plain = names.filter((n) => !n.includes(":")).sort();
  const from = names.filter((n) => n.includes(":")).map((n) => n.split(":") as [string, string]);
  return [...plain.map((n) => `import ${n}`), ...from.map(([module, name]) => `from ${module} import ${name}`)].join("\n");
}
