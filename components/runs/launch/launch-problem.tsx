import Link from "next/link";
import type { FieldError } from "@/lib/runs/formkit";

export type Failure = { status: number; code?: string; message: string };

/** What stopped the launch, above the form: the refusal, field errors no control shows, or a count of those it does. */
export function LaunchProblem({ failure, errors, invalidCount }: { failure: Failure | null; errors: FieldError[]; invalidCount: number }) {
  if (!failure && !errors.length && !invalidCount) return null;
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
    >
      {failure ? (
        <p className="font-medium">
          {failure.message}
          {failure.code && <code className="ml-2 rounded bg-red-100 px-1 text-xs dark:bg-red-900/50">{failure.code}</code>}
          {failure.status === 401 && (
            <>
              {" "}
              <Link href="/sign-in" className="underline">
                Sign in again
              </Link>
            </>
          )}
        </p>
      ) : (
        !errors.length && <p className="font-medium">{invalidCount === 1 ? "One field needs attention." : `${invalidCount} fields need attention.`}</p>
      )}
      {errors.length > 0 && (
        <ul className="mt-1 space-y-0.5">
          {errors.map((error, i) => (
            <li key={i} className="font-mono text-xs">
              <span className="font-semibold">{error.path}</span> {error.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
