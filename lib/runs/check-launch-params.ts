import "server-only";
import { AppError } from "@/lib/http/errors";
import { isPlainObject } from "./formkit/coerce";
import { actionFormFields, defaultParams, validateParams } from "./formkit";

/**
 * The action's params checked with the same rules as its form in the browser, every field error at
 * once. A field the caller leaves out takes the form's default, as the form would have shown it, so a
 * script launches with `{}` what a person launches by clicking Run.
 */
export function checkLaunchParams(action: Record<string, unknown>, params: unknown): Record<string, unknown> {
  const fields = actionFormFields(action);
  const given = isPlainObject(params) ? { ...defaultParams(fields), ...params } : params;
  const checked = validateParams(fields, given);
  if (!checked.ok) throw new AppError("params_invalid", "The params do not fit the action's form.", checked.errors);
  return checked.params;
}
