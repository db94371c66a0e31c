import "server-only";
import { z } from "zod";
import { requireReader } from "@/lib/auth/require-reader";
import { AppError } from "./errors";
import { problemResponse, toProblem } from "./problem";
import { withQueuedCookies } from "./response-cookies";

type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

export type RouteContext<P, Q> = { req: Request; params: P; query: Q };

/**
 * The one wrapper every route handler goes through: it parses path params and the query string with
 * zod, and turns whatever the handler throws into a problem+json response. Handlers return a
 * Response or a JSON-serialisable value.
 */
export function route<PS extends Schema | undefined = undefined, QS extends Schema | undefined = undefined>(
  /** `read`: a catalog read, open to anyone while the hub allows public read (else it needs an account). */
  spec: { params?: PS; query?: QS; read?: boolean },
  handler: (ctx: RouteContext<Infer<PS>, Infer<QS>>) => Promise<Response | object>,
) {
  return async (req: Request, context: { params: Promise<unknown> }): Promise<Response> => {
    try {
      if (spec.read) await requireReader(req);
      const rawParams = (await context?.params) ?? {};
      const params = spec.params ? parseOr404(spec.params, rawParams) : undefined;
      const query = spec.query ? spec.query.parse(Object.fromEntries(new URL(req.url).searchParams)) : undefined;
      const result = await handler({ req, params: params as Infer<PS>, query: query as Infer<QS> });
      return withQueuedCookies(req, result instanceof Response ? result : Response.json(result));
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status >= 500) console.error(`${req.method} ${new URL(req.url).pathname} failed:`, error);
      return withQueuedCookies(req, problemResponse(problem, error instanceof AppError ? error.headers : undefined));
    }
  };
}

// A path segment that cannot name anything (bad slug, bad semver) is a 404, not a 422.
function parseOr404(schema: Schema, raw: unknown): unknown {
  const result = schema.safeParse(raw);
  if (!result.success) throw new AppError("not_found", "No such resource.");
  return result.data;
}
