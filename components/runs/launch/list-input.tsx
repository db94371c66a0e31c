"use client";

import { FieldSet } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { defaultParams, defaultValue, pathKey, type FormField } from "@/lib/runs/formkit";
import { FieldInput, type FieldProps } from "./field-input";
import { controlId } from "./form-state";

type ListField = Extract<FormField, { type: "list" }>;

/** A FormKit list: items added and removed by the person, each an object of the children or one value. */
export function ListInput({ field, path, value, errors, onChange }: FieldProps & { field: ListField }) {
  const items = Array.isArray(value) ? value : [];
  const id = controlId(path);
  const fresh = () => (field.children.length ? defaultParams(field.children) : field.item ? defaultValue(field.item) : "");
  return (
    <FieldSet id={id} legend={field.label} required={field.required} help={field.help} error={errors[pathKey(path)]}>
      <ol className="mt-2 space-y-3">
        {items.map((item, index) => (
          <li key={index} className="flex items-start gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
            <div className="min-w-0 flex-1 space-y-3">
              {field.children.map((child) => (
                <FieldInput
                  key={child.name}
                  field={child}
                  path={[...path, index, child.name]}
                  value={(item as Record<string, unknown> | undefined)?.[child.name]}
                  errors={errors}
                  onChange={onChange}
                />
              ))}
              {field.item && (
                <FieldInput
                  field={{ ...field.item, label: `${field.label} ${index + 1}` }}
                  path={[...path, index]}
                  value={item}
                  errors={errors}
                  onChange={onChange}
                />
              )}
            </div>
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Remove ${field.label} ${index + 1}`}
              onClick={() =>
                onChange(
                  path,
                  items.filter((_, i) => i !== index),
                )
              }
            >
              Remove
            </Button>
          </li>
        ))}
      </ol>
      <Button variant="secondary" size="sm" className="mt-2" onClick={() => onChange(path, [...items, fresh()])}>
        Add {field.label}
      </Button>
    </FieldSet>
  );
}
