"use client";

import { useEffect, useState } from "react";
import type { RunFilters as Filters } from "@/lib/runs/client/api";
import { BACKENDS, RUN_STATUSES, type BackendName, type RunStatus } from "@/lib/runs/schemas";

const field = "rounded-lg border border-zinc-300 bg-white px-2.5 py-2 text-sm text-zinc-900 shadow-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

export function RunFilters({ filters, onChange }: { filters: Filters; onChange: (next: Partial<Filters>) => void }) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap sm:items-center">
      <label className="flex flex-col gap-1 text-xs text-zinc-600 sm:flex-row sm:items-center sm:gap-2 sm:text-sm dark:text-zinc-400">
        Status
        <select
          value={filters.status ?? ""}
          onChange={(event) => onChange({ status: (event.target.value || undefined) as RunStatus | undefined })}
          className={field}
        >
          <option value="">Any</option>
          {RUN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </label>
      <TextFilter
        label="Plugin"
        placeholder="plugin code"
        value={filters.plugin ?? ""}
        onChange={(plugin) => onChange({ plugin: plugin.toLowerCase() || undefined })}
      />
      <TextFilter label="Action" placeholder="train, export…" value={filters.action ?? ""} onChange={(action) => onChange({ action: action || undefined })} />
      <label className="flex flex-col gap-1 text-xs text-zinc-600 sm:flex-row sm:items-center sm:gap-2 sm:text-sm dark:text-zinc-400">
        Backend
        <select
          value={filters.backend ?? ""}
          onChange={(event) => onChange({ backend: (event.target.value || undefined) as BackendName | undefined })}
          className={field}
        >
          <option value="">Any</option>
          {BACKENDS.map((backend) => (
            <option key={backend} value={backend}>
              {BACKEND_LABELS[backend]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 self-end pb-2 text-sm text-zinc-700 sm:self-auto sm:pb-0 dark:text-zinc-300">
        <input
          type="checkbox"
          checked={filters.mine ?? false}
          onChange={(event) => onChange({ mine: event.target.checked || undefined })}
          className="size-4 accent-brand-600"
        />
        Mine only
      </label>
    </div>
  );
}

const BACKEND_LABELS: Record<BackendName, string> = { local: "This machine", ray: "Ray" };

/** A text filter that applies 300 ms after typing stops. */
function TextFilter({ label, placeholder, value, onChange }: { label: string; placeholder: string; value: string; onChange: (value: string) => void }) {
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    // The URL changed from elsewhere (back button, "Clear filters"): show it.
    setLastValue(value);
    setText(value);
  }
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onChange(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <label className="flex flex-col gap-1 text-xs text-zinc-600 sm:flex-row sm:items-center sm:gap-2 sm:text-sm dark:text-zinc-400">
      {label}
      <input type="search" value={text} placeholder={placeholder} onChange={(event) => setText(event.target.value)} className={`${field} w-full sm:w-40`} />
    </label>
  );
}
