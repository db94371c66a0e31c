// Paths into a form's params: the form state's updates, and which errors some control shows.
import type { FieldError, FormField } from "./types";

export type Path = (string | number)[];

export const pathKey = (path: Path) => path.join(".");

/** `value` with the leaf at `path` replaced, copying only the objects and arrays on the way. */
export function setIn(value: unknown, path: Path, leaf: unknown): unknown {
  if (!path.length) return leaf;
  const [head, ...rest] = path;
  if (typeof head === "number") {
    const list = Array.isArray(value) ? [...value] : [];
    list[head] = setIn(list[head], rest, leaf);
    return list;
  }
  const object = value && typeof value === "object" && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  object[head] = setIn(object[head], rest, leaf);
  return object;
}

/** The server may name a field `params.x` (its path in the request body) or `x`: the form uses `x`. */
export const formPath = (error: FieldError): FieldError => ({ ...error, path: error.path.replace(/^params\./, "") });

/** The error paths some control of the form shows; any other error belongs at the top of the form. */
export function shownPaths(fields: FormField[], params: unknown, prefix: Path = []): Set<string> {
  const shown = new Set<string>();
  const values = (params && typeof params === "object" ? params : {}) as Record<string, unknown>;
  for (const field of fields) {
    const path = [...prefix, field.name];
    shown.add(pathKey(path));
    if (field.type === "checkbox" && field.options && Array.isArray(values[field.name])) {
      (values[field.name] as unknown[]).forEach((_, i) => shown.add(pathKey([...path, i])));
    }
    if (field.type === "group") shownPaths(field.children, values[field.name], path).forEach((p) => shown.add(p));
    if (field.type === "list" && Array.isArray(values[field.name])) {
      (values[field.name] as unknown[]).forEach((item, i) => {
        if (field.children.length) shownPaths(field.children, item, [...path, i]).forEach((p) => shown.add(p));
        else shown.add(pathKey([...path, i]));
      });
    }
  }
  return shown;
}
