"use client";

import { Field, FieldSet, inputClass } from "@/components/ui/field";
import type { BackendName, RunResources } from "@/lib/runs/schemas";

export type ComputeValue = { backend: BackendName; resources: RunResources };

type Props = { backends: readonly BackendName[]; value: ComputeValue; errors: Record<string, string>; onChange: (value: ComputeValue) => void };

const LABELS: Record<BackendName, string> = { local: "This machine", ray: "Ray cluster" };

/**
 * Where the run goes, shown only when the hub has more than one backend; on Ray, what the run's
 * entrypoint may use (CPUs, GPUs, memory: Ray reserves them before it starts the job).
 */
export function ComputeChoice({ backends, value, errors, onChange }: Props) {
  if (backends.length < 2) return null;
  const setResource = (name: keyof RunResources, text: string) => {
    const resources = { ...value.resources };
    if (text.trim() === "") delete resources[name];
    else resources[name] = Number(text);
    onChange({ ...value, resources });
  };
  return (
    <FieldSet id="compute" legend="Compute">
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
        {backends.map((backend) => (
          <label key={backend} className="flex items-center gap-2">
            <input
              type="radio"
              name="backend"
              value={backend}
              checked={value.backend === backend}
              onChange={() => onChange({ ...value, backend })}
              className="size-4 accent-brand-600"
            />
            {LABELS[backend]}
          </label>
        ))}
      </div>
      {value.backend === "ray" && (
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          {(
            [
              ["cpus", "CPUs", "0.5", "Default: Ray's (none reserved)"],
              ["gpus", "GPUs", "1", undefined],
              ["memoryMb", "Memory (MiB)", "1", undefined],
            ] as const
          ).map(([name, label, step, help]) => (
            <Field key={name} id={`resources-${name}`} label={label} help={help} error={errors[`resources.${name}`]}>
              <input
                id={`resources-${name}`}
                type="number"
                min={0}
                step={step}
                inputMode="decimal"
                value={value.resources[name] ?? ""}
                onChange={(e) => setResource(name, e.target.value)}
                aria-invalid={errors[`resources.${name}`] ? true : undefined}
                className={inputClass}
              />
            </Field>
          ))}
        </div>
      )}
    </FieldSet>
  );
}
