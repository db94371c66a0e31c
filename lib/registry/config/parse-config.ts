import { isAlias, isMap, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import type { FieldError } from "@/lib/http/errors";
import { configSchema } from "./config-schema";
import { normalizeConfig, type PluginConfig } from "./normalize-config";

export type ConfigResult = { ok: true; config: PluginConfig } | { ok: false; errors: FieldError[] };

/**
 * Parses and validates a plugin's config.yaml, reporting every problem at once, each with the
 * field path and the line/column it comes from.
 */
export function parseConfig(source: string): ConfigResult {
  const lines = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ""), { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const at = (offset: number | undefined) => (offset === undefined ? {} : toPosition(lines.linePos(offset)));

  const errors: FieldError[] = [...doc.errors, ...doc.warnings].map((problem) => ({
    path: "(yaml)",
    message: problem.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, ""),
    ...at(problem.pos[0]),
  }));
  // Aliases could expand a small file into a huge one ("billion laughs"); configs never need them.
  visit(doc, {
    Alias(_key, node) {
      errors.push({ path: "(yaml)", message: `YAML aliases (*${node.source}) are not allowed`, ...at(node.range?.[0]) });
    },
  });
  if (errors.length > 0) return { ok: false, errors };
  if (!isMap(doc.contents)) {
    return { ok: false, errors: [{ path: "(root)", message: "config.yaml must be a mapping of fields", line: 1, column: 1 }] };
  }

  const result = configSchema.safeParse(doc.toJS({ maxAliasCount: 0 }));
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => ({
        path: issue.path.map(String).join(".") || "(root)",
        message: issue.message,
        ...at(nodeAt(doc, issue.path as (string | number)[])?.range?.[0]),
      })),
    };
  }
  const config = normalizeConfig(result.data);
  if (config.code === "") {
    return { ok: false, errors: [{ path: "code", message: "cannot be derived from the name; set `code`", ...at(nodeAt(doc, ["name"])?.range?.[0]) }] };
  }
  return { ok: true, config };
}

/** The node for a path, or its nearest existing ancestor (a missing field points at its parent). */
function nodeAt(doc: Document, path: (string | number)[]): Node | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (node && typeof node === "object" && "range" in node && !isAlias(node)) return node as Node;
  }
  return undefined;
}

function toPosition(pos: { line: number; col: number }) {
  return { line: pos.line, column: pos.col };
}
