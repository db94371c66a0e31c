"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PublishErrors } from "@/components/publish/publish-errors";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FieldSet, inputClass } from "@/components/ui/field";
import { ApiError } from "@/lib/api/api-error";
import { pluginKeys } from "@/lib/api/registry";
import { publishTemplate, templateZipUrl } from "@/lib/api/templates";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "@/lib/registry/config/categories";
import { slugify } from "@/lib/registry/config/normalize-config";
import { DEFAULT_VERSION, RUNTIME_LABELS, TEMPLATE_RUNTIMES, templateVariablesSchema, type TemplateInput, type TemplateRuntime } from "@/lib/templates/schemas";
import { TemplatePreview } from "./template-preview";

type Values = { name: string; code: string; version: string; category: Category; description: string; runtime: TemplateRuntime };
type Errors = Partial<Record<keyof Values, string>>;

/** The shared schema's verdict, as one message per field (the server checks the same rules again). */
function validate(values: Values): { input?: TemplateInput; errors: Errors } {
  const result = templateVariablesSchema.safeParse(values);
  if (result.success) return { input: values, errors: {} };
  const errors: Errors = {};
  for (const issue of result.error.issues) errors[issue.path[0] as keyof Values] ??= issue.message;
  return { errors };
}

export function NewPluginForm({ signedIn }: { signedIn: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>({ name: "", code: "", version: DEFAULT_VERSION, category: "custom", description: "", runtime: "hub" });
  const [checked, setChecked] = useState(false);
  const { input, errors } = validate(values);
  const shown = checked ? errors : {};
  const publish = useMutation({
    mutationFn: publishTemplate,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: pluginKeys.all });
      router.push(`/plugins/${result.plugin.code}?version=${encodeURIComponent(result.version.version)}`);
    },
  });
  const set = (key: keyof Values) => (event: { target: { value: string } }) => {
    publish.reset();
    setValues((v) => ({ ...v, [key]: event.target.value }));
  };

  /** Validates first: nothing leaves the page until every field passes. */
  function ready(): TemplateInput | null {
    setChecked(true);
    if (!input) document.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
    return input ?? null;
  }

  function download() {
    const valid = ready();
    if (!valid) return;
    const link = document.createElement("a");
    link.href = templateZipUrl(valid);
    link.download = "";
    link.click();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const valid = ready();
    if (valid && signedIn) publish.mutate(valid);
  }

  const error = publish.error instanceof ApiError ? publish.error : publish.error ? new ApiError(0, "network", publish.error.message) : null;
  const folder = values.code || slugify(values.name) || "my-plugin";
  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_18rem]">
      <form onSubmit={submit} noValidate className="space-y-4 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
        <Field id="name" label="Name" required error={shown.name} help="The display name in the catalog.">
          <input
            id="name"
            className={inputClass}
            value={values.name}
            onChange={set("name")}
            aria-invalid={Boolean(shown.name)}
            aria-describedby={describedBy("name", "h", shown.name)}
            autoFocus
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="code" label="Code" error={shown.code} help={`Letters a-z, digits, _ and -. Empty: ${slugify(values.name) || "derived from the name"}.`}>
            <input
              id="code"
              className={`${inputClass} font-mono`}
              value={values.code}
              placeholder={slugify(values.name)}
              onChange={set("code")}
              aria-invalid={Boolean(shown.code)}
              aria-describedby={describedBy("code", "h", shown.code)}
            />
          </Field>
          <Field id="version" label="Version" required error={shown.version} help="A semantic version.">
            <input
              id="version"
              className={`${inputClass} font-mono`}
              value={values.version}
              onChange={set("version")}
              aria-invalid={Boolean(shown.version)}
              aria-describedby={describedBy("version", "h", shown.version)}
            />
          </Field>
        </div>
        <Field id="category" label="Category" required error={shown.category}>
          <select id="category" className={inputClass} value={values.category} onChange={set("category")}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="description" label="Description" required error={shown.description} help="One or two sentences: what the plugin does.">
          <textarea
            id="description"
            rows={3}
            className={inputClass}
            value={values.description}
            onChange={set("description")}
            aria-invalid={Boolean(shown.description)}
            aria-describedby={describedBy("description", "h", shown.description)}
          />
        </Field>
        <FieldSet id="runtime" legend="Runtime" error={shown.runtime}>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {TEMPLATE_RUNTIMES.map((r) => (
              <label
                key={r}
                className="flex cursor-pointer gap-2 rounded-lg border border-zinc-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:border-zinc-700 dark:has-[:checked]:bg-zinc-800"
              >
                <input type="radio" name="runtime" value={r} checked={values.runtime === r} onChange={set("runtime")} className="mt-0.5" />
                <span>
                  <span className="block font-medium">{RUNTIME_LABELS[r].label}</span>
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">{RUNTIME_LABELS[r].detail}</span>
                </span>
              </label>
            ))}
          </div>
        </FieldSet>
        {error && <PublishErrors message={error.message} code={error.code} errors={error.errors} />}
        <div className="flex flex-wrap items-center gap-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <Button type="submit" disabled={!signedIn || publish.isPending} title={signedIn ? undefined : "Sign in to publish"}>
            {publish.isPending ? "Publishing…" : "Publish as a debug release"}
          </Button>
          <Button variant="secondary" onClick={download}>
            Download as zip
          </Button>
          {!signedIn && <p className="text-xs text-zinc-600 dark:text-zinc-400">Sign in to publish; anyone can download.</p>}
        </div>
      </form>
      <TemplatePreview category={values.category} runtime={values.runtime} folder={folder} />
    </div>
  );
}
