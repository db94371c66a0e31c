import type { ProjectCounts as Counts } from "@/lib/projects/schemas";

const FACTS: [keyof Counts, string, string][] = [
  ["tasks", "task", "tasks"],
  ["files", "file", "files"],
  ["assignments", "assignment", "assignments"],
  ["groundTruthVersions", "ground-truth version", "ground-truth versions"],
  ["groundTruthEvents", "ground-truth event", "ground-truth events"],
];

/** A project's counts: inline under a list entry, or as a grid of figures on its page. */
export function ProjectCounts({ counts, layout = "inline" }: { counts: Counts; layout?: "inline" | "grid" }) {
  if (layout === "inline") {
    return (
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400" aria-label="Counts">
        {FACTS.map(([key, one, many]) => (
          <li key={key} data-count={key}>
            <span className="font-semibold tabular-nums text-zinc-900 dark:text-zinc-100">{counts[key].toLocaleString("en")}</span>{" "}
            {counts[key] === 1 ? one : many}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {FACTS.map(([key, , many]) => (
        <div key={key} data-count={key} className="rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 dark:border-zinc-800 dark:bg-zinc-950/40">
          <dt className="text-xs text-zinc-500 first-letter:uppercase dark:text-zinc-400">{many}</dt>
          <dd className="text-xl font-semibold tabular-nums">{counts[key].toLocaleString("en")}</dd>
        </div>
      ))}
    </dl>
  );
}
