import "server-only";
import { z } from "zod";
import { requireReader } from "@/lib/auth/require-reader";
import { AppError } from "./errors";
import { problemResponse, toProblem } from "./problem";
import { readJson } from "./read-json";
import { withQueuedCookies } from "./response-cookies";

type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

/** What a route is, as the OpenAPI document describes it (lib/openapi). */
export type RouteSpec = {
  /** One line: what the call does. */
  summary: string;
  description?: string;
  params?: Schema;
  query?: Schema;
  /** The JSON body; the handler reads it with `body()` once it has decided who is asking. */
  body?: Schema;
  /** The most a JSON body may hold, when not the 1 MiB every other route takes. */
  maxBodyBytes?: number;
  /** An archive upload: multipart `file`, or the raw archive as the body. */
  upload?: boolean;
  /** The success answer, and its status when not 200. */
  response?: Schema;
  status?: number;
  /** `read`: a catalog read, open to anyone while the hub allows public read (else it needs an account). */
  read?: boolean;
};

export type RouteContext<P, Q, B> = { req: Request; params: P; query: Q; body: () => Promise<B> };
export type RouteHandler = ((req: Request, context: { params: Promise<unknown> }) => Promise<Response>) & { spec: RouteSpec };

/**
 * The one wrapper every route handler goes through: it parses path params and the query string with
 * zod, and turns whatever the handler throws into a problem+json response. Handlers return a
 * Response or a JSON-serialisable value. The spec travels with the handler, so the OpenAPI
 * document is generated from the very routes that run.
 */
export function route<PS extends Schema | undefined = undefined, QS extends Schema | undefined = undefined, BS extends Schema | undefined = undefined>(
  spec: RouteSpec & { params?: PS; query?: QS; body?: BS },
  handler: (ctx: RouteContext<Infer<PS>, Infer<QS>, Infer<BS>>) => Promise<Response | object>,
): RouteHandler {
  const run = async (req: Request, context: { params: Promise<unknown> }): Promise<Response> => {
    try {
      if (spec.read) await requireReader(req);
      const rawParams = (await context?.params) ?? {};
      const params = spec.params ? parseOr404(spec.params, rawParams) : undefined;
      const query = spec.query ? spec.query.parse(Object.fromEntries(new URL(req.url).searchParams)) : undefined;
      const body = async () => (spec.body ? spec.body.parse(await readJson(req, {}, spec.maxBodyBytes)) : undefined);
      const result = await handler({ req, params: params as Infer<PS>, query: query as Infer<QS>, body: body as () => Promise<Infer<BS>> });
      // A handler that answers plain data answers what the caller may see (signed file links, a project's
      // data): never stored by a cache. One that builds its Response says its own caching.
      return withQueuedCookies(req, result instanceof Response ? result : Response.json(result, { headers: { "cache-control": "private, no-store" } }));
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status >= 500) console.error(`${req.method} ${new URL(req.url).pathname} failed:`, error);
      return withQueuedCookies(req, problemResponse(problem, error instanceof AppError ? error.headers : undefined));
    }
  };
  return Object.assign(run, { spec });
}

// A path segment that cannot name anything (bad slug, bad semver) is a 404, not a 422.
function parseOr404(schema: Schema, raw: unknown): unknown {
  const result = schema.safeParse(raw);
  if (!result.success) throw new AppError("not_found", "No such resource.");
  return result.data;
}
