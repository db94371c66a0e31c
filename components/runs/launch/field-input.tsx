"use client";

import { describedBy, Field, FieldError, FieldHelp, FieldSet, inputClass } from "@/components/ui/field";
import { matchOption, pathKey, type FormField, type Path } from "@/lib/runs/formkit";
import { ChoiceInput } from "./choice-input";
import { controlId } from "./form-state";
import { ListInput } from "./list-input";

export type FieldProps = {
  field: FormField;
  path: Path;
  value: unknown;
  errors: Record<string, string>;
  onChange: (path: Path, value: unknown) => void;
};

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));

/** One control of the launch form, by FormKit type; groups and lists render their children. */
export function FieldInput(props: FieldProps) {
  const { field, path, value, errors, onChange } = props;
  const id = controlId(path);
  const error = errors[pathKey(path)];
  const set = (next: unknown) => onChange(path, next);
  const aria = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, field.help, error),
    "aria-required": field.required || undefined,
  };
  const frame = { id, label: field.label, required: field.required, help: field.help, error };

  switch (field.type) {
    case "text":
      return (
        <Field {...frame}>
          <input type="text" value={text(value)} onChange={(e) => set(e.target.value)} className={inputClass} {...aria} />
        </Field>
      );
    case "textarea":
      return (
        <Field {...frame}>
          <textarea rows={4} value={text(value)} onChange={(e) => set(e.target.value)} className={inputClass} {...aria} />
        </Field>
      );
    case "number":
      return (
        <Field {...frame}>
          <input
            type="number"
            inputMode="decimal"
            min={field.min}
            max={field.max}
            step={field.step ?? "any"}
            value={text(value)}
            onChange={(e) => set(e.target.value)}
            className={`${inputClass} font-mono`}
            {...aria}
          />
        </Field>
      );
    case "checkbox":
      if (field.options) return <ChoiceInput {...props} />;
      return (
        <div className="text-sm">
          <label className="flex items-center gap-2 font-medium">
            <input type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} className="size-4 accent-brand-600" {...aria} />
            {field.label}
          </label>
          <FieldHelp id={id} help={field.help} />
          <FieldError id={id} error={error} />
        </div>
      );
    case "radio":
      return <ChoiceInput {...props} />;
    case "select": {
      const selected = matchOption(field.options, value);
      const index = selected ? field.options.indexOf(selected) : -1;
      return (
        <Field {...frame}>
          <select
            value={index < 0 ? "" : String(index)}
            onChange={(e) => set(e.target.value === "" ? undefined : field.options[Number(e.target.value)].value)}
            className={inputClass}
            {...aria}
          >
            {(index < 0 || !field.required) && <option value="">{field.required ? "Choose…" : "—"}</option>}
            {field.options.map((option, i) => (
              <option key={i} value={String(i)}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
      );
    }
    case "group":
      return (
        <FieldSet id={id} legend={field.label} required={field.required} help={field.help} error={error}>
          <div className="mt-2 space-y-4 border-l-2 border-zinc-200 pl-4 dark:border-zinc-700">
            {field.children.map((child) => (
              <FieldInput
                key={child.name}
                field={child}
                path={[...path, child.name]}
                value={(value as Record<string, unknown> | undefined)?.[child.name]}
                errors={errors}
                onChange={onChange}
              />
            ))}
          </div>
        </FieldSet>
      );
    case "list":
      return <ListInput {...props} field={field} />;
  }
}
