import { createHash } from "node:crypto";
import type { QueryConfig } from "pg";

/**
 * A query for the pg pool; with `prepare`, a named statement: each pool connection parses it once,
 * and Postgres may keep one generic plan for it instead of planning every call (planning was a fifth
 * of a catalog search's cost). Only for SQL whose best plan does not depend on the values (the
 * catalog's search fences its plan for that).
 */
export function statement(text: string, values: unknown[], prepare: boolean): QueryConfig {
  return prepare ? { name: `s_${createHash("sha1").update(text).digest("base64url").slice(0, 27)}`, text, values } : { text, values };
}
