import { Button } from "@/components/ui/button";
import type { ActionDto } from "@/lib/registry/schemas";

const METHOD_STYLE = {
  job: "bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300",
  task: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-300",
  serve: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300",
} as const;

/** The version's actions with their parameters; "Run" opens the launch form (it asks visitors to sign in). */
export function ActionsList({ code, version, actions }: { code: string; version: string; actions: ActionDto[] }) {
  return (
    <ul className="space-y-4">
      {actions.map((action) => (
        <li key={action.name} className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="flex flex-wrap items-center gap-3">
            <h3 className="font-mono text-base font-semibold">{action.name}</h3>
            <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${METHOD_STYLE[action.method]}`}>{action.method}</span>
            <code className="text-xs text-zinc-500">{action.entrypoint}</code>
            <Button
              href={`/plugins/${code}/run/${encodeURIComponent(action.name)}?version=${encodeURIComponent(version)}`}
              size="sm"
              className="ml-auto"
              aria-label={`Run ${action.name}`}
            >
              Run
            </Button>
          </div>
          {action.description && <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{action.description}</p>}
          {action.params.length > 0 ? (
            <table className="mt-4 w-full text-left text-sm">
              <thead className="text-xs uppercase tracking-wide text-zinc-500">
                <tr>
                  <th className="py-1.5 pr-4 font-medium">Parameter</th>
                  <th className="py-1.5 pr-4 font-medium">Type</th>
                  <th className="py-1.5 pr-4 font-medium">Default</th>
                  <th className="py-1.5 font-medium">Help</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {action.params.map((field, index) => (
                  <tr key={String(field.name ?? index)}>
                    <td className="py-1.5 pr-4">
                      <span className="font-mono">{String(field.name ?? "—")}</span>
                      {field.required === true && (
                        <span className="ml-1 text-red-600" title="required">
                          *
                        </span>
                      )}
                      {typeof field.label === "string" && <span className="block text-xs text-zinc-500">{field.label}</span>}
                    </td>
                    <td className="py-1.5 pr-4 text-zinc-600 dark:text-zinc-400">{String(field.$formkit ?? field.$el ?? "—")}</td>
                    <td className="py-1.5 pr-4 font-mono text-xs">{field.value === undefined ? "—" : JSON.stringify(field.value)}</td>
                    <td className="py-1.5 text-xs text-zinc-600 dark:text-zinc-400">{typeof field.help === "string" ? field.help : describeRange(field)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-3 text-xs text-zinc-500">No parameters.</p>
          )}
        </li>
      ))}
    </ul>
  );
}

function describeRange(field: Record<string, unknown>): string {
  const parts = [];
  if (field.min !== undefined) parts.push(`min ${field.min}`);
  if (field.max !== undefined) parts.push(`max ${field.max}`);
  if (Array.isArray(field.options))
    parts.push(`one of ${field.options.map((o) => (typeof o === "object" && o ? (o as { value?: unknown }).value : o)).join(", ")}`);
  return parts.join(" · ");
}
