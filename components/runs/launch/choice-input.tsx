"use client";

import { describedBy, FieldSet } from "@/components/ui/field";
import { pathKey, type Option } from "@/lib/runs/formkit";
import type { FieldProps } from "./field-input";
import { controlId } from "./form-state";

/** Radios (one value) or checkboxes with options (a list of the checked values), under one legend. */
export function ChoiceInput({ field, path, value, errors, onChange }: FieldProps) {
  if (field.type !== "radio" && field.type !== "checkbox") return null;
  const options: Option[] = field.options ?? [];
  const id = controlId(path);
  const key = pathKey(path);
  // A checkbox list's wrong item is reported at `name.<index>`: show it on the group.
  const error = errors[key] ?? Object.entries(errors).find(([p]) => p.startsWith(`${key}.`))?.[1];
  const multiple = field.type === "checkbox";
  const checkedValues = Array.isArray(value) ? value : [];
  const isChecked = (option: Option) =>
    multiple ? checkedValues.some((v) => String(v) === String(option.value)) : value !== undefined && String(value) === String(option.value);

  function toggle(option: Option, checked: boolean) {
    if (!multiple) return onChange(path, option.value);
    const rest = checkedValues.filter((v) => String(v) !== String(option.value));
    onChange(path, checked ? [...rest, option.value] : rest);
  }

  return (
    <FieldSet id={id} legend={field.label} required={field.required} help={field.help} error={error}>
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
        {options.map((option, i) => (
          <label key={i} className="flex items-center gap-2">
            <input
              type={multiple ? "checkbox" : "radio"}
              name={id}
              checked={isChecked(option)}
              onChange={(e) => toggle(option, e.target.checked)}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(id, undefined, error)}
              className="size-4 accent-brand-600"
            />
            {option.label}
          </label>
        ))}
      </div>
    </FieldSet>
  );
}
