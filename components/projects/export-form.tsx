"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { DebugBadge } from "@/components/plugin/debug-badge";
import { newIdempotencyKey } from "@/components/runs/launch/idempotency-key";
import { LaunchProblem, type Failure } from "@/components/runs/launch/launch-problem";
import { launchRun } from "@/components/runs/launch/launch-request";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FieldError, FieldHelp, FieldSet, inputClass } from "@/components/ui/field";
import { ApiError } from "@/lib/api/api-error";
import type { ExportChoice } from "@/lib/projects/export-choices";
import { defaultExportName, exportParams, type ExportFieldErrors, type ExportForm as FormValue } from "@/lib/projects/export-params";
import type { ExportTarget, ProjectDetail } from "@/lib/projects/schemas";

type Props = { project: ProjectDetail; choices: ExportChoice[]; initialTarget: ExportTarget; initialVersion: number | null };

const choiceKey = (c: ExportChoice) => `${c.plugin}@${c.version}${c.debug ? ":debug" : ""}`;

/** Picks an export plugin, what to export and how to name it, then launches the run and opens its page. */
export function ExportForm({ project, choices, initialTarget, initialVersion }: Props) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const ids = useId();
  const [chosen, setChosen] = useState(choiceKey(choices[0]));
  const [value, setValue] = useState<FormValue>(() => ({
    target: initialTarget,
    versionId: initialVersion ?? project.groundTruthVersions[0]?.id ?? null,
    idFrom: "",
    idTo: "",
    name: defaultExportName(project.name, initialTarget),
    saveOriginalFile: true,
  }));
  // The name follows the target until the person types one of their own.
  const [nameTouched, setNameTouched] = useState(false);
  const [errors, setErrors] = useState<ExportFieldErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const choice = choices.find((c) => choiceKey(c) === chosen) ?? choices[0];

  const launch = useMutation({
    mutationFn: (params: Record<string, unknown>) => launchRun({ plugin: choice.plugin, version: choice.version, action: choice.action, params }, key),
    onSuccess: (run) => router.push(`/runs/${encodeURIComponent(run.id)}`),
    onError: (error) => {
      if (!(error instanceof ApiError)) return setFailure({ status: 0, message: "The hub could not be reached. Check your connection and try again." });
      // A refusal made no run: the next attempt is a new launch (the same key with another body would be refused).
      if (error.status < 500) setKey(newIdempotencyKey());
      setFailure({ status: error.status, code: error.code, message: error.message });
    },
  });
  const busy = launch.isPending || launch.isSuccess;

  const set = (patch: Partial<FormValue>) => {
    setValue((current) => {
      const next = { ...current, ...patch };
      if (patch.target && !nameTouched) next.name = defaultExportName(project.name, patch.target);
      return next;
    });
    setErrors({});
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const checked = exportParams(project.id, value);
    if (!checked.ok) {
      setErrors(checked.errors);
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
      return;
    }
    launch.mutate(checked.params);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  }

  const targets: { id: ExportTarget; label: string; detail: string; count: number }[] = [
    { id: "assignment", label: "Assignments", detail: "every worker's annotations, with their status", count: project.counts.assignments },
    { id: "ground_truth", label: "Ground truth", detail: "the accepted annotations of one version", count: project.counts.groundTruthEvents },
    { id: "task", label: "Tasks", detail: "the data and its files", count: project.counts.tasks },
  ];
  const releases = choices.filter((c) => !c.debug);
  const debug = choices.filter((c) => c.debug);
  const invalid = Object.keys(errors).length;

  return (
    <form ref={form} noValidate onSubmit={submit} onKeyDown={onKeyDown} aria-label={`Export ${project.name}`} className="space-y-5">
      <LaunchProblem failure={failure} errors={[]} invalidCount={failure ? 0 : invalid} />
      <div className="space-y-5 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
        <Field
          id={`${ids}-plugin`}
          label="Export plugin"
          required
          help={choice.debug ? "A debug release: it may be replaced under the same version." : choice.description}
        >
          <select
            id={`${ids}-plugin`}
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
            className={inputClass}
            aria-describedby={`${ids}-plugin-help`}
          >
            {releases.length > 0 && (
              <optgroup label="Releases">
                {releases.map((c) => (
                  <option key={choiceKey(c)} value={choiceKey(c)}>
                    {c.name} {c.version}
                  </option>
                ))}
              </optgroup>
            )}
            {debug.length > 0 && (
              <optgroup label="Debug releases">
                {debug.map((c) => (
                  <option key={choiceKey(c)} value={choiceKey(c)}>
                    {c.name} {c.version} (debug)
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </Field>
        <p className="-mt-3 flex items-center gap-2 font-mono text-xs text-zinc-500" data-testid="export-plugin">
          {choice.plugin}@{choice.version} · {choice.action}
          {choice.debug && <DebugBadge />}
        </p>

        <FieldSet id={`${ids}-target`} legend="What to export" required>
          <div className="mt-2 grid gap-2 sm:grid-cols-3">
            {targets.map((t) => (
              <label
                key={t.id}
                className="flex cursor-pointer gap-2 rounded-lg border border-zinc-200 p-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 dark:border-zinc-700 dark:has-[:checked]:bg-brand-700/15"
              >
                <input
                  type="radio"
                  name="target"
                  value={t.id}
                  checked={value.target === t.id}
                  onChange={() => set({ target: t.id })}
                  className="mt-0.5 accent-brand-600"
                />
                <span className="min-w-0">
                  <span className="block font-medium">
                    {t.label} <span className="font-normal tabular-nums text-zinc-500">{t.count.toLocaleString("en")}</span>
                  </span>
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">{t.detail}</span>
                </span>
              </label>
            ))}
          </div>
        </FieldSet>

        {value.target === "ground_truth" ? (
          <Field id={`${ids}-version`} label="Ground-truth version" required error={errors.version}>
            <select
              id={`${ids}-version`}
              value={value.versionId ?? ""}
              onChange={(e) => set({ versionId: e.target.value ? Number(e.target.value) : null })}
              aria-invalid={Boolean(errors.version)}
              aria-describedby={describedBy(`${ids}-version`, undefined, errors.version)}
              className={inputClass}
            >
              {project.groundTruthVersions.length === 0 && <option value="">No versions in this project</option>}
              {project.groundTruthVersions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name} · {v.events.toLocaleString("en")} events{v.description ? ` · ${v.description}` : ""}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <FieldSet
            id={`${ids}-range`}
            legend="Ids (optional)"
            help={`Only the ${value.target === "task" ? "tasks" : "assignments"} with ids in this range, both ends included; empty: all of the project's.`}
          >
            <div className="mt-1 flex flex-wrap items-start gap-3">
              {(["idFrom", "idTo"] as const).map((end) => (
                <div key={end} className="w-36">
                  <label htmlFor={`${ids}-${end}`} className="text-xs text-zinc-600 dark:text-zinc-400">
                    {end === "idFrom" ? "From id" : "To id"}
                  </label>
                  <input
                    id={`${ids}-${end}`}
                    inputMode="numeric"
                    value={value[end]}
                    onChange={(e) => set({ [end]: e.target.value })}
                    aria-invalid={Boolean(errors[end])}
                    aria-describedby={describedBy(`${ids}-${end}`, undefined, errors[end])}
                    className={inputClass}
                  />
                  <FieldError id={`${ids}-${end}`} error={errors[end]} />
                </div>
              ))}
            </div>
          </FieldSet>
        )}

        <div className="text-sm">
          <label htmlFor={`${ids}-name`} className="font-medium">
            Output name
            <span aria-hidden className="ml-0.5 text-red-600 dark:text-red-400">
              *
            </span>
          </label>
          <input
            id={`${ids}-name`}
            value={value.name}
            onChange={(e) => {
              setNameTouched(true);
              set({ name: e.target.value });
            }}
            aria-invalid={Boolean(errors.name)}
            aria-describedby={describedBy(`${ids}-name`, "help", errors.name)}
            className={`${inputClass} font-mono`}
          />
          <FieldHelp id={`${ids}-name`} help="The export's folder in the run's result." />
          <FieldError id={`${ids}-name`} error={errors.name} />
        </div>

        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={value.saveOriginalFile}
            onChange={(e) => set({ saveOriginalFile: e.target.checked })}
            className="mt-0.5 accent-brand-600"
          />
          <span>
            <span className="font-medium">Save the original files</span>
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">The images (or other files) of each item, next to the exported labels.</span>
          </span>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? "Launching…" : "Start export"}
        </Button>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          or <kbd className="rounded border border-zinc-300 px-1 font-mono dark:border-zinc-700">Ctrl</kbd>+
          <kbd className="rounded border border-zinc-300 px-1 font-mono dark:border-zinc-700">Enter</kbd>
        </span>
        <Link href={`/projects/${project.id}`} className="ml-auto text-sm text-zinc-600 hover:underline dark:text-zinc-400">
          Cancel
        </Link>
      </div>
    </form>
  );
}
