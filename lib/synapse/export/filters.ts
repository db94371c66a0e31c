import { z } from "zod";
import { AppError } from "@/lib/http/errors";

/**
 * The filters of the three export lists (`sdk/assignments/`, `sdk/tasks/`, `sdk/ground_truth_events/`)
 * and the SQL they become. A key the hub does not apply is refused (`400 unsupported_filter`) rather
 * than ignored: an ignored filter silently widens an export to the whole project, the failure the
 * SDK's own allow-list exists to prevent (handlers.py, SYN-7385). Every key the SDK's handlers send
 * for their own purposes (paging, ordering, expand, response_mode, the shard range) is accepted.
 */
export type Target = "assignment" | "task" | "ground_truth";

type Kind = "int" | "ints" | "text" | "texts" | "date";
type Op = "=" | "in" | "not in" | ">" | ">=" | "<" | "<=";
type FilterDef = { kind: Kind; column: string; op: Op };

const idFilters = (alias: string): Record<string, FilterDef> => ({
  id: { kind: "int", column: `${alias}.id`, op: "=" },
  id__in: { kind: "ints", column: `${alias}.id`, op: "in" },
  id__gt: { kind: "int", column: `${alias}.id`, op: ">" },
  id__gte: { kind: "int", column: `${alias}.id`, op: ">=" },
  id__lt: { kind: "int", column: `${alias}.id`, op: "<" },
  id__lte: { kind: "int", column: `${alias}.id`, op: "<=" },
  ids: { kind: "ints", column: `${alias}.id`, op: "in" },
  ids_ex: { kind: "ints", column: `${alias}.id`, op: "not in" },
  // The SDK's shard id-range (SYN-7175): injected by the SDK, applied like any other bound.
  _id_gte: { kind: "int", column: `${alias}.id`, op: ">=" },
  _id_lt: { kind: "int", column: `${alias}.id`, op: "<" },
});

const createdFilters = (alias: string): Record<string, FilterDef> => ({
  created__gt: { kind: "date", column: `${alias}.created_at`, op: ">" },
  created__gte: { kind: "date", column: `${alias}.created_at`, op: ">=" },
  created__lt: { kind: "date", column: `${alias}.created_at`, op: "<" },
  created__lte: { kind: "date", column: `${alias}.created_at`, op: "<=" },
});

export const FILTERS: Record<Target, Record<string, FilterDef>> = {
  assignment: {
    project: { kind: "int", column: "a.project_id", op: "=" },
    ...idFilters("a"),
    tasks: { kind: "ints", column: "a.task_id", op: "in" },
    users: { kind: "texts", column: "a.worker", op: "in" },
    ...createdFilters("a"),
  },
  task: {
    project: { kind: "int", column: "t.project_id", op: "=" },
    ...idFilters("t"),
    ...createdFilters("t"),
  },
  ground_truth: {
    ground_truth_dataset_versions: { kind: "ints", column: "e.version_id", op: "in" },
    // The SDK's validate_filter spelling; its v1 path renames it to the plural before listing.
    ground_truth_dataset_version: { kind: "ints", column: "e.version_id", op: "in" },
    category: { kind: "text", column: "e.category", op: "=" },
    categories: { kind: "texts", column: "e.category", op: "in" },
    task: { kind: "int", column: "e.task_id", op: "=" },
    ...idFilters("e"),
  },
};

/** Keys about paging and shape, not about which rows: handled by list-query.ts. */
// `url_host` is a query parameter the SDK's client adds to every call when its agent names its network (SYN-7433).
export const CONTROL_KEYS = new Set(["page", "page_size", "pagination", "cursor", "ordering", "expand", "response_mode", "fields", "url_host"]);

const REQUIRED: Record<Target, string[][]> = {
  assignment: [["project"]],
  task: [["project"]],
  ground_truth: [["ground_truth_dataset_versions", "ground_truth_dataset_version"]],
};

const int = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(2_147_483_647));
const text = z.string().min(1).max(500);
const VALUE: Record<Kind, z.ZodType<unknown>> = {
  int,
  ints: z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(int).min(1).max(5000)),
  text,
  texts: z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(text).min(1).max(5000)),
  date: z.iso
    .datetime({ offset: true })
    .or(z.iso.date())
    .transform((s) => new Date(s)),
};

export type Condition = { column: string; op: Op; value: unknown };
export type ParsedFilters = { conditions: Condition[]; values: Record<string, unknown> };

/**
 * The row filters of one list request. `query` maps each key to its values (a key may repeat).
 * Empty values count as absent (the Synapse UI sends its date keys empty), except for a required key.
 */
export function parseFilters(target: Target, query: Map<string, string[]>): ParsedFilters {
  const defs = FILTERS[target];
  const unknown = [...query.keys()].filter((key) => !CONTROL_KEYS.has(key) && !(key in defs));
  if (unknown.length) {
    throw new AppError(
      "unsupported_filter",
      `Unsupported filter key(s) for ${target}: ${unknown.sort().join(", ")}. The hub refuses keys it does not apply rather than export more than asked. Supported: ${Object.keys(defs).sort().join(", ")}.`,
      unknown.map((key) => ({ path: key, message: "is not a supported filter" })),
    );
  }
  const conditions: Condition[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, raw] of query) {
    const def = defs[key];
    if (!def) continue;
    const given = raw.filter((v) => v.trim() !== "");
    if (!given.length) continue;
    if (given.length > 1) throw invalid(key, "is given more than once");
    const parsed = VALUE[def.kind].safeParse(given[0].trim());
    if (!parsed.success) throw invalid(key, describe(def.kind));
    values[key] = parsed.data;
    conditions.push({ column: def.column, op: def.op, value: parsed.data });
  }
  for (const oneOf of REQUIRED[target]) {
    if (!oneOf.some((key) => key in values)) throw invalid(oneOf[0], `is required for ${target}`);
  }
  return { conditions, values };
}

/** SQL for the conditions, numbered from `$${first}`. */
export function conditionsSql(conditions: Condition[], first: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts = conditions.map(({ column, op, value }) => {
    params.push(value);
    const n = `$${first + params.length - 1}`;
    if (op === "in") return `${column} = ANY(${n})`;
    if (op === "not in") return `NOT (${column} = ANY(${n}))`;
    return `${column} ${op} ${n}`;
  });
  return { sql: parts.length ? parts.join(" AND ") : "TRUE", params };
}

const describe = (kind: Kind) =>
  ({
    int: "must be a positive integer",
    ints: "must be positive integers separated by commas",
    text: "must be a non-empty string",
    texts: "must be strings separated by commas",
    date: "must be an ISO 8601 date or date-time",
  })[kind];

const invalid = (key: string, message: string) => new AppError("validation_failed", `The filter ${key} ${message}.`, [{ path: key, message }]);
