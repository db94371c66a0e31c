import type { FieldError } from "@/lib/http/errors";

/** Why an import was refused: every problem at its file, line and field, so the file can be fixed in one go. */
export function ImportErrors({ message, code, errors = [] }: { message: string; code?: string; errors?: FieldError[] }) {
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
        <div className="mt-2 max-h-72 overflow-auto rounded-md border border-red-200 bg-white/60 dark:border-red-900 dark:bg-zinc-950/40">
          <table data-testid="import-errors" className="w-full text-left font-mono text-xs">
            <thead className="sticky top-0 bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200">
              <tr>
                <th scope="col" className="px-2 py-1 font-semibold">
                  File
                </th>
                <th scope="col" className="px-2 py-1 text-right font-semibold">
                  Line
                </th>
                <th scope="col" className="px-2 py-1 font-semibold">
                  Field
                </th>
                <th scope="col" className="w-full px-2 py-1 font-semibold">
                  Problem
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-red-100 dark:divide-red-950">
              {errors.map((error, index) => (
                <tr key={index}>
                  <td className="whitespace-nowrap px-2 py-1">{error.file ?? "—"}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{error.line ?? "—"}</td>
                  <td className="whitespace-nowrap px-2 py-1 font-semibold">{error.path}</td>
                  <td className="px-2 py-1 font-sans">{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
