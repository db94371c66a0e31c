import { isEmpty, toBoolean, toNumber, toText } from "./coerce";
import { matchOption } from "./options";
import type { FormField } from "./types";

/**
 * The params a form starts with: each field's schema `value`, read as the field's type. Fields
 * with no usable default are left out (an empty input), except checkboxes (false or none checked),
 * groups (an object of their children) and lists (empty).
 */
export function defaultParams(fields: FormField[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const field of fields) {
    const value = defaultValue(field);
    if (value !== undefined) params[field.name] = value;
  }
  return params;
}

export function defaultValue(field: FormField): unknown {
  const raw = field.value;
  switch (field.type) {
    case "text":
    case "textarea": {
      const v = toText(raw);
      return typeof v === "string" ? v : undefined;
    }
    case "number": {
      const v = toNumber(raw);
      return typeof v === "number" && Number.isFinite(v) ? v : undefined;
    }
    case "checkbox":
      if (field.options) return (Array.isArray(raw) ? raw : isEmpty(raw) ? [] : [raw]).flatMap((v) => matchOption(field.options!, v)?.value ?? []);
      return toBoolean(raw) === true;
    case "select":
    case "radio":
      if (isEmpty(raw)) return undefined;
      return field.options.length ? matchOption(field.options, raw)?.value : raw;
    case "group":
      return defaultParams(field.children);
    case "list":
      return Array.isArray(raw) ? raw : [];
  }
}
