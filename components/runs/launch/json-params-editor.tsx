"use client";

import { describedBy, Field, inputClass } from "@/components/ui/field";

/** The form of an action without a schema: its params as one JSON object. */
export function JsonParamsEditor({ value, error, onChange }: { value: string; error?: string; onChange: (text: string) => void }) {
  const id = "param-json";
  const help = "This action declares no form: write its params as a JSON object.";
  return (
    <Field id={id} label="Params (JSON)" help={help} error={error}>
      <textarea
        id={id}
        rows={10}
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, help, error)}
        className={`${inputClass} font-mono`}
      />
    </Field>
  );
}

/** The editor's text as a value, or why it is not JSON. */
export function parseJsonParams(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text.trim() || "{}") };
  } catch (error) {
    return { ok: false, message: `is not valid JSON (${(error as Error).message})` };
  }
}
