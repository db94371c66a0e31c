import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import type { Target } from "./filters";

/**
 * How one list request pages: the Synapse backend's page-number paging (`page`, with `count`), or
 * its cursor paging (`pagination=cursor`, the SDK's default for exports since SYN-7542: no `count`,
 * a `next` link carrying an opaque `cursor`). Both are keyset-free of offsets only in cursor mode;
 * the SDK's count probe uses page mode with `page_size=1`.
 */
export type ListQuery = {
  mode: "page" | "cursor";
  page: number;
  pageSize: number;
  /** Rows after this id in the ordering (cursor mode). */
  after: number | null;
  descending: boolean;
};

const one = (query: Map<string, string[]>, key: string) => {
  const values = query.get(key) ?? [];
  if (values.length > 1) throw new AppError("validation_failed", `${key} is given more than once.`, [{ path: key, message: "is repeated" }]);
  return values[0];
};

const controlSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000_000).default(1),
  page_size: z.coerce.number().int().min(1).max(1000).default(100),
  pagination: z.enum(["cursor", "page"]).optional(),
  cursor: z.string().max(200).optional(),
  response_mode: z.enum(["presigned", "inline"]).optional(),
});

const cursorSchema = z.object({ after: z.number().int().min(0) });

export function encodeCursor(after: number): string {
  return Buffer.from(JSON.stringify({ after })).toString("base64url");
}

function decodeCursor(cursor: string): number {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))).after;
  } catch {
    throw new AppError("validation_failed", "The cursor is not one this hub handed out.", [{ path: "cursor", message: "is invalid" }]);
  }
}

export function parseListQuery(target: Target, query: Map<string, string[]>): ListQuery {
  const parsed = controlSchema.safeParse({
    page: one(query, "page") || undefined,
    page_size: one(query, "page_size") || undefined,
    pagination: one(query, "pagination") || undefined,
    cursor: one(query, "cursor") || undefined,
    response_mode: one(query, "response_mode") || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0] ?? "query");
    throw new AppError("validation_failed", `The query parameter ${key} is invalid: ${issue.message}.`, [{ path: key, message: issue.message }]);
  }
  const orderings = target === "ground_truth" ? ["-id", "id", "-pgh_id", "pgh_id"] : ["-id", "id"];
  const ordering = one(query, "ordering") || "-id";
  if (!orderings.includes(ordering)) {
    throw new AppError("validation_failed", `ordering must be one of ${orderings.join(", ")}.`, [{ path: "ordering", message: "is not supported" }]);
  }
  // A cursor implies cursor paging, so a `next` link works however the caller spelled the first call.
  const cursorMode = parsed.data.pagination === "cursor" || (parsed.data.cursor !== undefined && parsed.data.pagination !== "page");
  return {
    mode: cursorMode ? "cursor" : "page",
    page: parsed.data.page,
    pageSize: parsed.data.page_size,
    after: cursorMode && parsed.data.cursor ? decodeCursor(parsed.data.cursor) : null,
    descending: ordering.startsWith("-"),
  };
}

/** The query string as a map of every key's values (keys may repeat: `expand=data&expand=data_unit`). */
export function queryMap(url: URL): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [key, value] of url.searchParams) map.set(key, [...(map.get(key) ?? []), value]);
  return map;
}
