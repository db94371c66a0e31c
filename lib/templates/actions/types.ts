// How a template describes one action, once for both runtimes: the params become the FormKit
// params_schema in config.yaml and either `.get()` reads (hub runtime) or a pydantic model (SDK).

export type ParamSpec = {
  name: string;
  type: "int" | "float" | "str" | "bool";
  default: number | string | boolean;
  label: string;
  help?: string;
  min?: number;
  max?: number;
  step?: number;
  /** The form refuses an empty value. */
  required?: boolean;
  /** A select: the allowed values (the default must be one of them). */
  options?: string[];
};

type Common = { name: string; module: string; description: string; params: ParamSpec[]; imports?: string[] };

/** A `job` or `task`: a class run as `Cls(params, ctx).execute()`. */
export type ExecuteAction = Common & {
  method: "job" | "task";
  className: string;
  /**
   * The body of `execute(self)`, indented by 8 spaces. The params are locals; it reports through
   * `self.ctx` and saves files with `self.ctx.save_artifact(path)` (rewritten for the SDK, whose
   * context has no such method).
   */
  body: string;
  /** The body for the SDK when it differs (the hub runtime's export API has no SDK twin). */
  sdkBody?: string;
};

/**
 * A `serve` action: `serve(params, ctx)` returns the object the runtime serves as JSON (`POST /predict`
 * → `predict(payload)`). A function entrypoint, so that the hub's runtime serves it for SDK plugins too
 * (the SDK's runner does not serve HTTP).
 */
export type ServeAction = Common & {
  method: "serve";
  /** The module's source after the docstring and imports (a `serve(params, ctx)` function and what it needs). */
  source: string;
  /** A request the served object answers, for the README and the tests. */
  example: unknown;
};

export type ActionSpec = ExecuteAction | ServeAction;
