"use client";

import { CATEGORIES, CATEGORY_LABELS, type Category } from "@/lib/registry/config/categories";

type Props = { selected?: Category; facets: Record<string, number>; onSelect: (category: Category | undefined) => void };

export function CategoryChips({ selected, facets, onSelect }: Props) {
  const total = Object.values(facets).reduce((sum, n) => sum + n, 0);
  return (
    <div role="group" aria-label="Filter by category" className="flex flex-wrap gap-2">
      <Chip label="All" count={total} active={!selected} onClick={() => onSelect(undefined)} />
      {CATEGORIES.map((category) => (
        <Chip
          key={category}
          label={CATEGORY_LABELS[category]}
          count={facets[category] ?? 0}
          active={selected === category}
          onClick={() => onSelect(selected === category ? undefined : category)}
        />
      ))}
    </div>
  );
}

function Chip({ label, count, active, onClick }: { label: string; count: number; active: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onClick}
      className={`inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm transition-colors ${
        active
          ? "border-brand-600 bg-brand-600 text-white"
          : "border-zinc-300 bg-white text-zinc-700 hover:border-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300"
      } ${count === 0 && !active ? "opacity-60" : ""}`}
    >
      {label}
      <span className={`rounded-full px-1.5 text-xs tabular-nums ${active ? "bg-white/20" : "bg-zinc-100 dark:bg-zinc-800"}`}>{count}</span>
    </button>
  );
}
