import type { Option } from "./types";

const isScalar = (v: unknown): v is Option["value"] => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/**
 * FormKit's three spellings of `options`: a list of values, a list of `{label, value}` objects, or
 * a `{value: label}` map (whose values are therefore strings). Anything else gives no options.
 */
export function normaliseOptions(raw: unknown): Option[] {
  if (Array.isArray(raw)) {
    return raw.flatMap((item): Option[] => {
      if (isScalar(item)) return [{ label: String(item), value: item }];
      if (item && typeof item === "object" && "value" in item && isScalar(item.value)) {
        const label = "label" in item && isScalar(item.label) ? String(item.label) : String(item.value);
        return [{ label, value: item.value }];
      }
      return [];
    });
  }
  if (raw && typeof raw === "object") {
    return Object.entries(raw).map(([value, label]) => ({ value, label: isScalar(label) ? String(label) : value }));
  }
  return [];
}

/** The option a submitted value means: the exact value, or its text (an HTML control only gives strings). */
export function matchOption(options: Option[], value: unknown): Option | undefined {
  return options.find((o) => o.value === value) ?? (isScalar(value) ? options.find((o) => String(o.value) === String(value)) : undefined);
}
