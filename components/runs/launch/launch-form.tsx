"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, useSyncExternalStore, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api/api-error";
import { defaultParams, formPath, pathKey, setIn, shownPaths, validateParams, type FieldError, type FormField, type Path } from "@/lib/runs/formkit";
import { FieldInput } from "./field-input";
import { newIdempotencyKey } from "./idempotency-key";
import { JsonParamsEditor, parseJsonParams } from "./json-params-editor";
import { launchRun } from "./launch-request";
import { LaunchProblem, type Failure } from "./launch-problem";
import { ComputeChoice, type ComputeValue } from "./compute-choice";
import type { BackendName } from "@/lib/runs/schemas";

type Props = { plugin: string; version: string; action: string; fields: FormField[]; backends: readonly BackendName[]; defaultBackend: BackendName };

/** The launch form: checked in the browser with the server's own rules, then one POST per click. */
export function LaunchForm({ plugin, version, action, fields, backends, defaultBackend }: Props) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [params, setParams] = useState<Record<string, unknown>>(() => defaultParams(fields));
  const [json, setJson] = useState("{\n  \n}");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [compute, setCompute] = useState<ComputeValue>({ backend: defaultBackend, resources: {} });
  // One key per launch attempt, made when the form opens: a double click, or a retry after a lost
  // answer or a server error, is then the same run. A refusal (4xx) made no run: the next attempt,
  // likely with other params, gets a new key (the same key with another body would be refused).
  const [key, setKey] = useState(newIdempotencyKey);

  const launch = useMutation({
    mutationFn: (checked: Record<string, unknown>) => launchRun({ plugin, version, action, params: checked, ...computeBody(backends, compute) }, key),
    onSuccess: (run) => router.push(`/runs/${encodeURIComponent(run.id)}`),
    onError: (error) => {
      if (!(error instanceof ApiError)) return setFailure({ status: 0, message: "The hub could not be reached. Check your connection and try again." });
      if (error.status < 500) setKey(newIdempotencyKey());
      setErrors(error.errors.map(formPath));
      setFailure({ status: error.status, code: error.code, message: error.message });
      focusFirstError();
    },
  });
  const busy = launch.isPending || launch.isSuccess;
  // Until React owns the form, typing would be overwritten by hydration and Run would submit natively.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const byPath = useMemo(() => Object.fromEntries(errors.map((e) => [e.path, e.message])), [errors]);
  const shown = useMemo(() => (fields.length ? shownPaths(fields, params) : new Set<string>()), [fields, params]);
  const elsewhere = errors.filter((e) => !shown.has(e.path) && !(fields.length === 0 && e.path === "(root)"));

  function focusFirstError() {
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    let candidate: unknown = params;
    if (!fields.length) {
      const parsed = parseJsonParams(json);
      if (!parsed.ok) return invalid([{ path: "(root)", message: parsed.message }]);
      candidate = parsed.value;
    }
    const checked = validateParams(fields, candidate);
    if (!checked.ok) return invalid(checked.errors);
    setErrors([]);
    launch.mutate(checked.params);
  }

  function invalid(found: FieldError[]) {
    setErrors(found);
    focusFirstError();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  }

  const change = (path: Path, value: unknown) => {
    setParams((current) => setIn(current, path, value) as Record<string, unknown>);
    // The person is fixing it: the field's message goes until the next check.
    setErrors((current) => current.filter((e) => e.path !== pathKey(path) && !e.path.startsWith(`${pathKey(path)}.`)));
  };

  return (
    <form ref={form} noValidate onSubmit={submit} onKeyDown={onKeyDown} aria-label={`Launch ${action}`}>
      <fieldset disabled={!hydrated} className="min-w-0 space-y-5">
        <LaunchProblem failure={failure} errors={elsewhere} invalidCount={failure ? 0 : errors.length} />
        <div className="space-y-5 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
          {fields.length ? (
            fields.map((field) => (
              <FieldInput key={field.name} field={field} path={[field.name]} value={params[field.name]} errors={byPath} onChange={change} />
            ))
          ) : (
            <JsonParamsEditor value={json} error={byPath["(root)"]} onChange={setJson} />
          )}
        </div>
        <ComputeChoice backends={backends} value={compute} errors={byPath} onChange={setCompute} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={busy} aria-busy={busy}>
            {busy ? "Launching…" : "Run"}
          </Button>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            or <kbd className="rounded border border-zinc-300 px-1 font-mono dark:border-zinc-700">Ctrl</kbd>+
            <kbd className="rounded border border-zinc-300 px-1 font-mono dark:border-zinc-700">Enter</kbd>
          </span>
          <Link href={`/plugins/${plugin}?version=${encodeURIComponent(version)}`} className="ml-auto text-sm text-zinc-600 hover:underline dark:text-zinc-400">
            Cancel
          </Link>
        </div>
      </fieldset>
    </form>
  );
}

const noSubscription = () => () => {};

/** The backend is named only when the person had a choice (otherwise the hub's default applies). */
function computeBody(backends: readonly BackendName[], compute: ComputeValue) {
  if (backends.length < 2) return {};
  return { backend: compute.backend, ...(compute.backend === "ray" ? { resources: compute.resources } : {}) };
}
