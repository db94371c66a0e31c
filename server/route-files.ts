// Finds app/api/**/route.ts and turns each folder path into a URL pattern by Next.js's App Router
// rules, so the router serves exactly the URLs `next start` would:
// - `(group)` and `@slot` folders are not part of the URL; `_private` folders (and all below) are
//   not routed; `%5Fname` is a literal `_name` segment;
// - `[name]` is one segment, `[...name]` one or more (an array), `[[...name]]` zero or more;
// - parameter names may be anything Next allows (`[plugin-code]`), so the router sees neutral keys.
import { readdirSync } from "node:fs";
import path from "node:path";

export type ParamKind = "one" | "many" | "optional-many";
export type RouteParam = { name: string; kind: ParamKind };

export type RouteFile = {
  file: string;
  /** Patterns for find-my-way: `:p0` for a segment, a trailing `*` for catch-alls. Two for `[[...x]]`. */
  patterns: string[];
  /** In URL order; `:p0` is params[0]. A catch-all, if any, is last. */
  params: RouteParam[];
  /** The path in OpenAPI form, e.g. `/api/v1/plugins/{code}`. */
  template: string;
  /** How many URL segments come before the catch-all (its raw value is the rest of the path). */
  catchAllAt: number;
};

/** The route for a folder path below `app/` (e.g. ["api", "v1", "(admin)", "[id]"]), or null if private. */
export function routeFor(folders: string[], file = ""): RouteFile | null {
  const params: RouteParam[] = [];
  const parts: string[] = [];
  const template: string[] = [];
  let optionalTail = false;
  let catchAllAt = -1;
  for (const [index, folder] of folders.entries()) {
    if (folder.startsWith("_")) return null;
    if ((folder.startsWith("(") && folder.endsWith(")")) || folder.startsWith("@")) continue;
    const dynamic = /^\[(\[)?(\.\.\.)?([^\]/]+)\]?\]$/.exec(folder);
    if (!dynamic) {
      const literal = folder.replace(/^%5F/i, "_");
      if (/[*?]/.test(literal)) throw new Error(`${file}: unsupported character in the route segment "${folder}"`);
      parts.push(literal.replaceAll(":", "::"));
      template.push(literal);
      continue;
    }
    const [, optional, spread, name] = dynamic;
    if (optional && !spread) throw new Error(`${file}: "${folder}" — only catch-alls can be optional ([[...name]])`);
    if (spread && index !== lastUrlFolder(folders)) throw new Error(`${file}: a catch-all must be the last segment`);
    const kind: ParamKind = spread ? (optional ? "optional-many" : "many") : "one";
    params.push({ name, kind });
    template.push(`{${name}}`);
    if (kind === "one") parts.push(`:p${params.length - 1}`);
    else {
      catchAllAt = parts.length;
      parts.push("*");
      optionalTail = kind === "optional-many";
    }
  }
  const full = `/${parts.join("/")}`;
  const patterns = optionalTail ? [full.replace(/\/\*$/, "") || "/", full] : [full];
  return { file, patterns, params, template: `/${template.join("/")}`, catchAllAt };
}

function lastUrlFolder(folders: string[]): number {
  for (let i = folders.length - 1; i >= 0; i--) {
    const f = folders[i];
    if (!((f.startsWith("(") && f.endsWith(")")) || f.startsWith("@"))) return i;
  }
  return -1;
}

/** Every routed route.ts under `appDir/api`, by the rules above. */
export function findRouteFiles(appDir: string): RouteFile[] {
  const found: RouteFile[] = [];
  const walk = (dir: string, folders: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!entry.name.startsWith("_")) walk(path.join(dir, entry.name), [...folders, entry.name]);
      } else if (/^route\.(ts|js|mjs)$/.test(entry.name)) {
        const route = routeFor(folders, path.join(dir, entry.name));
        if (route) found.push(route);
      }
    }
  };
  walk(path.join(appDir, "api"), ["api"]);
  return found;
}

/**
 * Path params as Next.js hands them to a handler: decoded strings, and arrays for catch-alls. The
 * catch-all is split from the raw path before decoding, so an encoded slash stays in its segment.
 */
export function paramsFor(route: RouteFile, found: Record<string, string | undefined>, rawPath: string): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (const [i, param] of route.params.entries()) {
    if (param.kind === "one") {
      params[param.name] = found[`p${i}`] ?? "";
      continue;
    }
    const rest = rawPath
      .replace(/\/$/, "")
      .split("/")
      .slice(1 + route.catchAllAt);
    if (rest.length) params[param.name] = rest.map(safeDecode);
    else if (param.kind === "many") return null; // [...x] needs at least one segment
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
