import "server-only";
import { z } from "zod";
import { hubOrigin } from "@/lib/http/hub-origin";

/** The Synapse backend's list shape: `{count, next, previous, results}`, paged by `page` and `page_size`. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export type SynapsePage<T> = { count: number; next: string | null; previous: string | null; results: T[] };

export function toPage<T>(req: Request, query: PageQuery, count: number, results: T[]): SynapsePage<T> {
  const link = (page: number) => {
    // The path the client asked for (the SDK's root path when rewritten), on the hub's origin.
    const asked = new URL(req.headers.get("x-synapse-path") ?? req.url);
    const url = new URL(`${asked.pathname}${asked.search}`, hubOrigin(req));
    url.searchParams.set("page", String(page));
    url.searchParams.set("page_size", String(query.page_size));
    return url.toString();
  };
  return {
    count,
    next: query.page * query.page_size < count ? link(query.page + 1) : null,
    previous: query.page > 1 ? link(query.page - 1) : null,
    results,
  };
}
