import { z } from "zod";
import type { RouteEntry } from "./route-table";

// The OpenAPI document is generated from the routes the server really serves (their `route()`
// specs and zod schemas), so it cannot miss a route or drift from what the API accepts and returns.
type JsonSchema = { properties?: Record<string, object>; required?: string[] } & Record<string, unknown>;
const jsonSchema = (s: z.ZodType, io: "input" | "output") => z.toJSONSchema(s, { io, unrepresentable: "any" }) as JsonSchema;

const PROBLEM = {
  type: "object",
  required: ["type", "title", "status", "detail", "code"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    code: { type: "string", description: "Stable machine-readable error code" },
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["path", "message"],
        properties: { path: { type: "string" }, message: { type: "string" }, line: { type: "integer" }, column: { type: "integer" } },
      },
    },
  },
};

const ARCHIVE_BODY = {
  required: true,
  content: {
    "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } } },
    "application/zip": { schema: { type: "string", format: "binary" } },
    "application/gzip": { schema: { type: "string", format: "binary" } },
  },
};

function parameters(entry: RouteEntry) {
  const names = [...entry.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const path = entry.spec?.params ? jsonSchema(entry.spec.params, "input").properties : undefined;
  const fromPath = names.map((name) => ({ name, in: "path", required: true, schema: path?.[name] ?? { type: "string" } }));
  if (!entry.spec?.query) return fromPath;
  const query = jsonSchema(entry.spec.query, "input");
  const fromQuery = Object.entries(query.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: query.required?.includes(name) ?? false,
    schema,
  }));
  return [...fromPath, ...fromQuery];
}

function operation(entry: RouteEntry) {
  const spec = entry.spec;
  const success = spec?.response ? { content: { "application/json": { schema: jsonSchema(spec.response, "output") } } } : {};
  return {
    summary: spec?.summary ?? `${entry.method} ${entry.path}`,
    ...(spec?.description ? { description: spec.description } : {}),
    parameters: parameters(entry),
    ...(spec?.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(spec.body, "input") } } } } : {}),
    ...(spec?.upload ? { requestBody: ARCHIVE_BODY } : {}),
    responses: {
      [spec?.status ?? 200]: { description: "Success", ...success },
      default: { description: "Problem (RFC 9457)", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
    },
  };
}

export function openApiDocument(routes: RouteEntry[]) {
  const paths: Record<string, Record<string, object>> = {};
  for (const entry of [...routes].sort((a, b) => a.path.localeCompare(b.path))) {
    (paths[entry.path] ??= {})[entry.method.toLowerCase()] = operation(entry);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "synapse-hub API",
      version: "1.0.0",
      description:
        "The hub's API (/api/v1), its accounts (/api/auth) and the Synapse backend calls the Synapse SDK makes. Errors are RFC 9457 problem+json with a stable `code`.",
    },
    paths,
    components: { schemas: { Problem: PROBLEM } },
  };
}
