import { CategoryBadge } from "@/components/plugin/category-badge";
import type { Category } from "@/lib/registry/config/categories";
import { TEMPLATE_ACTIONS } from "@/lib/templates/actions";
import { RUNTIME_LABELS, type TemplateRuntime } from "@/lib/templates/schemas";

const LAYOUT = ["config.yaml", "README.md", "requirements.txt", "pyproject.toml", ".gitignore", ".synapseignore", "plugin/__init__.py"];

/** What the chosen template holds: its files and its actions, before anything is generated. */
export function TemplatePreview({ category, runtime, folder }: { category: Category; runtime: TemplateRuntime; folder: string }) {
  const actions = TEMPLATE_ACTIONS[category];
  return (
    <aside
      aria-label="What you get"
      className="space-y-4 self-start rounded-xl border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-semibold">What you get</h2>
        <CategoryBadge category={category} />
      </div>
      <div>
        <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500">Actions</h3>
        <ul className="mt-2 space-y-2">
          {actions.map((action) => (
            <li key={action.name}>
              <span className="font-mono font-medium">{action.name}</span>{" "}
              <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">{action.method}</span>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">{action.description}</p>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500">Files</h3>
        <ul className="mt-2 font-mono text-xs leading-5 text-zinc-700 dark:text-zinc-300">
          {[...LAYOUT, ...actions.map((a) => `plugin/${a.module}.py`)].map((file) => (
            <li key={file}>
              {folder}/{file}
            </li>
          ))}
        </ul>
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{RUNTIME_LABELS[runtime].detail}</p>
    </aside>
  );
}
