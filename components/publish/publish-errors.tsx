import type { FieldError } from "@/lib/http/errors";

/** Why the archive was refused, with each config problem at its field and line:column. */
export function PublishErrors({ message, code, errors = [] }: { message: string; code?: string; errors?: FieldError[] }) {
  return (
    <div
      role="alert"
      className="mt-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
    >
      <p className="font-medium">
        {message}
        {code && <code className="ml-2 rounded bg-red-100 px-1 text-xs dark:bg-red-900/50">{code}</code>}
      </p>
      {errors.length > 0 && (
        <ul className="mt-2 space-y-1" data-testid="publish-errors">
          {errors.map((error, index) => (
            <li key={index} className="font-mono text-xs">
              {error.line !== undefined && (
                <span className="mr-2 text-red-600 dark:text-red-400">
                  {error.line}:{error.column}
                </span>
              )}
              <span className="font-semibold">{error.path}</span> {error.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
