import type { ReactNode } from "react";

export const inputClass =
  "mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:aria-[invalid=true]:border-red-500";

/** Ids that tie a control to its help and error text, for aria-describedby. */
export function describedBy(id: string, help?: string, error?: string): string | undefined {
  return [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

export function FieldHelp({ id, help }: { id: string; help?: string }) {
  return help ? (
    <span id={`${id}-help`} className="mt-1 block text-xs text-zinc-500 dark:text-zinc-400">
      {help}
    </span>
  ) : null;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <span id={`${id}-error`} className="mt-1 block text-xs font-medium text-red-700 dark:text-red-400">
      {error}
    </span>
  ) : null;
}

export function RequiredMark() {
  return (
    <span aria-hidden className="ml-0.5 text-red-600 dark:text-red-400">
      *
    </span>
  );
}

/** A labelled control with its help and error underneath. */
export function Field(props: { id: string; label: string; required?: boolean; help?: string; error?: string; children: ReactNode }) {
  return (
    <div className="text-sm">
      <label htmlFor={props.id} className="font-medium">
        {props.label}
        {props.required && <RequiredMark />}
      </label>
      {props.children}
      <FieldHelp id={props.id} help={props.help} />
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

/** A group of controls (radios, checkboxes, nested fields) under one legend. */
export function FieldSet(props: { id: string; legend: string; required?: boolean; help?: string; error?: string; children: ReactNode }) {
  return (
    <fieldset id={props.id} aria-describedby={describedBy(props.id, props.help, props.error)} className="min-w-0 text-sm">
      <legend className="font-medium">
        {props.legend}
        {props.required && <RequiredMark />}
      </legend>
      {props.children}
      <FieldHelp id={props.id} help={props.help} />
      <FieldError id={props.id} error={props.error} />
    </fieldset>
  );
}
