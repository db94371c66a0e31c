/** The import format in brief (README "Projects" has it in full), next to the import form. */
export function ImportFormat() {
  return (
    <details className="rounded-xl border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <summary className="cursor-pointer font-medium">What goes in the file</summary>
      <div className="mt-3 space-y-2 text-zinc-700 dark:text-zinc-300">
        <p>
          A <code>.zip</code> holds <code>project.json</code> and JSON Lines files (one record a line), at its root or inside one folder, with the files the
          tasks name:
        </p>
        <pre className="overflow-x-auto rounded-lg bg-zinc-100 p-3 font-mono text-xs leading-relaxed dark:bg-zinc-950">
          {`project.json        {"name": "Shapes", "configuration": {"classes": ["circle"]},
                     "ground_truth_versions": [{"name": "v1"}]}
tasks.jsonl         {"key": "t1", "files": {"image": "images/0001.png"}}
assignments.jsonl   {"task": "t1", "worker": "ann", "status": "submitted", "data": {…}}
ground_truth.jsonl  {"version": "v1", "task": "t1", "category": "circle", "data": {…}}
images/0001.png`}
        </pre>
        <p>
          A single <code>.jsonl</code> holds the same records, each with its <code>type</code> (<code>project</code> first), files inline as <code>data:</code>{" "}
          URIs. One bad line refuses the whole import, and every error is listed with its file and line.
        </p>
        <p>
          <a href="/api/v1/projects/example" download className="font-medium text-brand-700 hover:underline dark:text-brand-100">
            Download the example project (.zip)
          </a>{" "}
          — the one this hub was seeded with: 36 images with boxes, assignments and two ground-truth versions.
        </p>
      </div>
    </details>
  );
}
