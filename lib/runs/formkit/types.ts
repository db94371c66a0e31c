// The launch form's model: FormKit schema nodes normalised into fields the browser renders and
// both the browser and the server validate against.

export type Option = { label: string; value: string | number | boolean };

export type FieldBase = {
  name: string;
  label: string;
  help?: string;
  required: boolean;
  /** The schema's `value`: what the form starts with, and what a launch that omits the key gets. */
  value?: unknown;
};

export type TextField = FieldBase & { type: "text" | "textarea"; minLength?: number; maxLength?: number };
export type NumberField = FieldBase & { type: "number"; min?: number; max?: number; step?: number };
/** Without options a checkbox is a boolean; with options, FormKit makes it a list of the checked values. */
export type CheckboxField = FieldBase & { type: "checkbox"; options?: Option[] };
export type ChoiceField = FieldBase & { type: "select" | "radio"; options: Option[] };
/** A group's value is an object of its children's values, under the group's name. */
export type GroupField = FieldBase & { type: "group"; children: FormField[] };
/** A list repeats its children: objects when they are named, else single values of its one child. */
export type ListField = FieldBase & { type: "list"; children: FormField[]; item: FormField | null };

export type FormField = TextField | NumberField | CheckboxField | ChoiceField | GroupField | ListField;

export type FieldError = { path: string; message: string };
export type Validation = { ok: true; params: Record<string, unknown> } | { ok: false; errors: FieldError[] };
