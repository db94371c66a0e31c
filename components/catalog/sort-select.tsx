"use client";

export function SortSelect({ value, onChange }: { value: "updated" | "name"; onChange: (sort: "updated" | "name") => void }) {
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
      Sort
      <select
        value={value}
        onChange={(event) => onChange(event.target.value === "name" ? "name" : "updated")}
        className="rounded-lg border border-zinc-300 bg-white px-2 py-2 text-sm text-zinc-900 shadow-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <option value="updated">Recently updated</option>
        <option value="name">Name</option>
      </select>
    </label>
  );
}
