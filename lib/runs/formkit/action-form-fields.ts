import { normaliseOptions } from "./options";
import type { FieldBase, FormField } from "./types";
import { parseValidation } from "./validation-rules";

type Node = Record<string, unknown>;

/** Where an action keeps its FormKit lists, in the order they combine (see ./index.ts). */
const SOURCES: ((action: Node) => unknown)[] = [
  (a) => a.params_schema,
  (a) => a.ui_schema,
  (a) => (isNode(a.hyperparameters) ? a.hyperparameters.train_ui_schemas : undefined),
];

// FormKit inputs that behave like one the hub renders; any other `$formkit` is ignored.
const ALIASES: Record<string, FormField["type"]> = {
  text: "text",
  email: "text",
  url: "text",
  tel: "text",
  password: "text",
  search: "text",
  color: "text",
  date: "text",
  "datetime-local": "text",
  time: "text",
  month: "text",
  week: "text",
  textarea: "textarea",
  number: "number",
  range: "number",
  checkbox: "checkbox",
  select: "select",
  dropdown: "select",
  radio: "radio",
  group: "group",
  list: "list",
};

/**
 * The fields of an action's launch form: its `params_schema`, `ui_schema` and
 * `hyperparameters.train_ui_schemas` merged into one list, in that order. A name declared twice
 * keeps its first declaration. Layout nodes (`$el`, `$cmp`) are looked through for inputs;
 * anything unrecognised is skipped, never thrown on.
 */
export function actionFormFields(action: Record<string, unknown>): FormField[] {
  const nodes = SOURCES.flatMap((source) => asList(source(action)));
  return uniqueByName(collect(nodes));
}

function collect(nodes: unknown[]): FormField[] {
  return nodes.flatMap((node): FormField[] => {
    if (!isNode(node)) return [];
    if (typeof node.$formkit !== "string") return collect(asList(node.children)); // $el / $cmp wrappers
    const field = toField(node);
    // A group without a name adds nothing to the params' shape: its inputs sit at its parent's level.
    if (field?.type === "group" && !field.name) return field.children;
    return field?.name ? [field] : [];
  });
}

function toField(node: Node): FormField | null {
  const type = ALIASES[node.$formkit as string];
  if (!type) return null;
  const rules = parseValidation(node.validation);
  const name = typeof node.name === "string" ? node.name : "";
  const base = {
    name,
    label: text(node.label) ?? name,
    help: text(node.help),
    required: node.required === true || node.required === "true" || node.required === "" || rules.required === true,
    value: node.value,
  };
  switch (type) {
    case "text":
    case "textarea":
      return { ...base, type, minLength: num(node.minlength) ?? rules.minLength, maxLength: num(node.maxlength) ?? rules.maxLength };
    case "number":
      return { ...base, type, min: num(node.min) ?? rules.min, max: num(node.max) ?? rules.max, step: positive(num(node.step)) };
    case "checkbox": {
      const options = normaliseOptions(node.options);
      return options.length ? { ...base, type, options } : { ...base, type };
    }
    case "select":
    case "radio":
      return { ...base, type, options: normaliseOptions(node.options) };
    case "group":
      return { ...base, type, children: uniqueByName(collect(asList(node.children))) };
    case "list":
      return listField(base, asList(node.children));
  }
}

/** Named children make each item an object; a single unnamed input makes items plain values. */
function listField(base: FieldBase, children: unknown[]): FormField {
  const named = uniqueByName(collect(children));
  if (named.length) return { ...base, type: "list", children: named, item: null };
  const lone = children.find((c) => isNode(c) && typeof c.$formkit === "string");
  const item = lone ? toField({ ...(lone as Node), name: "" }) : null;
  return { ...base, type: "list", children: [], item: item && item.type !== "list" ? item : null };
}

function uniqueByName(fields: FormField[]): FormField[] {
  const seen = new Set<string>();
  return fields.filter((f) => !seen.has(f.name) && seen.add(f.name));
}

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);
const positive = (n: number | undefined) => (n !== undefined && n > 0 ? n : undefined);

/** FormKit schemas often write numbers as attribute strings ("0.5"); "any" and junk are no limit. */
function num(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
