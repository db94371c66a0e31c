import "server-only";
import { AppError } from "@/lib/http/errors";
import { actionFormFields, validateParams } from "./formkit";

/** The action's params checked with the same rules as its form in the browser; every field error at once. */
export function checkLaunchParams(action: Record<string, unknown>, params: unknown): Record<string, unknown> {
  const checked = validateParams(actionFormFields(action), params);
  if (!checked.ok) throw new AppError("params_invalid", "The params do not fit the action's form.", checked.errors);
  return checked.params;
}
