import { CATEGORY_LABELS, type Category } from "@/lib/registry/config/categories";

const COLORS: Record<Category, string> = {
  neural_net: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
  export: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  upload: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  smart_tool: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  pre_annotation: "bg-pink-100 text-pink-800 dark:bg-pink-950 dark:text-pink-300",
  post_annotation: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300",
  data_validation: "bg-teal-100 text-teal-800 dark:bg-teal-950 dark:text-teal-300",
  custom: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-300",
};

export function CategoryBadge({ category }: { category: Category }) {
  return <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${COLORS[category]}`}>{CATEGORY_LABELS[category]}</span>;
}
