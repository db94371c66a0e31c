import { z } from "zod";
import { isEmpty, isPlainObject, onStep, toBoolean, toNumber, toText } from "./coerce";
import { matchOption } from "./options";
import type { FieldError, FormField, Validation } from "./types";

/**
 * Checks launch params against an action's form; the browser runs it before sending and the server
 * again on launch, so both refuse the same things with the same messages. Every field error is
 * reported. Known fields come back read as their types ("3" → 3); keys the form does not know are
 * kept untouched (a plugin may take params its form does not show). Empty optional fields are left
 * out; absent fields are not filled with defaults (the form sends them).
 */
export function validateParams(fields: FormField[], params: unknown): Validation {
  if (!isPlainObject(params)) return { ok: false, errors: [{ path: "(root)", message: "must be a JSON object" }] };
  const result = objectSchema(fields).safeParse(params);
  if (result.success) return { ok: true, params: withoutUndefined(result.data) as Record<string, unknown> };
  const errors: FieldError[] = result.error.issues.map((issue) => ({ path: issue.path.join(".") || "(root)", message: issue.message }));
  return { ok: false, errors };
}

function objectSchema(fields: FormField[]) {
  return z.looseObject(Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)])), { error: "must be an object" });
}

/** "is required" for an empty required field, else `message` (the value has the wrong type). */
const typeError = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : message);

/** Blank → absent, then the field's own reading of the value, then its rules. */
const field = (read: (v: unknown) => unknown, schema: z.ZodType, required: boolean) =>
  z.preprocess((v) => (isEmpty(v) ? undefined : read(v)), required ? schema : schema.optional());

function fieldSchema(f: FormField): z.ZodType {
  switch (f.type) {
    case "text":
    case "textarea": {
      let s = z.string({ error: typeError("must be text") });
      if (f.minLength !== undefined) s = s.min(f.minLength, `must be at least ${f.minLength} characters`);
      if (f.maxLength !== undefined) s = s.max(f.maxLength, `must be at most ${f.maxLength} characters`);
      return field(toText, s, f.required);
    }
    case "number":
      return field(toNumber, numberSchema(f.min, f.max, f.step), f.required);
    case "checkbox": {
      if (f.options) {
        const values = f.options.map((o) => o.value);
        const item = z.preprocess((v) => matchOption(f.options!, v)?.value ?? v, z.literal(values, { error: oneOf(values) }));
        const list = z.array(item, { error: typeError("must be a list of the checked options") });
        return field((v) => v, f.required ? list.min(1, "check at least one") : list, f.required);
      }
      const box = z.boolean({ error: typeError("must be true or false") });
      return field(toBoolean, f.required ? box.refine((v) => v, "must be checked") : box, f.required);
    }
    case "select":
    case "radio": {
      if (!f.options.length) return field((v) => v, z.union([z.string(), z.number(), z.boolean()], { error: typeError("must be a value") }), f.required);
      const values = f.options.map((o) => o.value);
      return field((v) => matchOption(f.options, v)?.value ?? v, z.literal(values, { error: typeError(oneOf(values)()) }), f.required);
    }
    case "group":
      return z.preprocess((v) => (isEmpty(v) ? {} : v), objectSchema(f.children));
    case "list": {
      const item = f.children.length ? objectSchema(f.children) : f.item ? fieldSchema({ ...f.item, required: true }) : z.unknown();
      const list = z.array(item, { error: "must be a list" });
      return z.preprocess((v) => (isEmpty(v) ? [] : v), f.required ? list.min(1, "add at least one item") : list);
    }
  }
}

function numberSchema(min?: number, max?: number, step?: number) {
  let s = z.number({ error: typeError("must be a number") });
  if (min !== undefined) s = s.min(min, `must be at least ${min}`);
  if (max !== undefined) s = s.max(max, `must be at most ${max}`);
  if (step === undefined) return s;
  return s.refine((n) => onStep(n, step, min ?? 0), min ? `must be ${min} plus a multiple of ${step}` : `must be a multiple of ${step}`);
}

const oneOf = (values: unknown[]) => () => `must be one of: ${values.map((v) => JSON.stringify(v)).join(", ")}`;

/** Optional fields left empty come out of zod as `key: undefined`; JSON would drop them anyway. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : [[k, withoutUndefined(v)]])));
}
