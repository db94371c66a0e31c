import { z } from "zod";
import {
  listQuerySchema,
  pluginDetailSchema,
  pluginListSchema,
  publishResultSchema,
  versionDetailSchema,
  versionSummarySchema,
  yankBodySchema,
} from "@/lib/registry/schemas";

// The OpenAPI document is derived from the same zod schemas the handlers and UI use, so it cannot
// drift from what the API really accepts and returns.
const schema = (s: z.ZodType, io: "input" | "output" = "output") => z.toJSONSchema(s, { io, unrepresentable: "any" });

const problem = {
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

const json = (ref: string) => ({ content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: "Problem", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } }]),
  );
const path = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });
const code = path("code", "Plugin code (slug)");
const version = path("version", "Semantic version, or `latest`");

function queryParameters(s: z.ZodObject) {
  const json = schema(s, "input") as { properties: Record<string, object>; required?: string[] };
  return Object.entries(json.properties).map(([name, prop]) => ({ name, in: "query", required: json.required?.includes(name) ?? false, schema: prop }));
}

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "synapse-hub API", version: "1.0.0", description: "Plugin registry of synapse-hub. Errors are RFC 9457 problem+json." },
    paths: {
      "/api/v1/plugins": {
        get: {
          summary: "Search the catalog",
          parameters: queryParameters(listQuerySchema),
          responses: { 200: { description: "A page of plugins", ...json("PluginList") }, ...problems(422) },
        },
        post: {
          summary: "Publish a plugin archive",
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } } },
              "application/zip": { schema: { type: "string", format: "binary" } },
              "application/gzip": { schema: { type: "string", format: "binary" } },
            },
          },
          responses: {
            201: { description: "Published", ...json("PublishResult") },
            200: { description: "The same archive was already published", ...json("PublishResult") },
            ...problems(409, 413, 415, 422),
          },
        },
      },
      "/api/v1/plugins/{code}": {
        get: { summary: "One plugin", parameters: [code], responses: { 200: { description: "Plugin", ...json("PluginDetail") }, ...problems(404) } },
      },
      "/api/v1/plugins/{code}/versions": {
        get: {
          summary: "Versions, newest first",
          parameters: [code],
          responses: {
            200: {
              description: "Versions",
              content: {
                "application/json": {
                  schema: { type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/VersionSummary" } } } },
                },
              },
            },
            ...problems(404),
          },
        },
      },
      "/api/v1/plugins/{code}/versions/{version}": {
        get: {
          summary: "One version",
          parameters: [code, version],
          responses: { 200: { description: "Version", ...json("VersionDetail") }, ...problems(404) },
        },
      },
      "/api/v1/plugins/{code}/versions/{version}/archive": {
        get: {
          summary: "Download the archive (ETag = sha256; Range supported)",
          parameters: [code, version],
          responses: {
            200: { description: "Archive bytes" },
            206: { description: "Partial content" },
            304: { description: "Not modified" },
            ...problems(404, 416),
          },
        },
      },
      "/api/v1/plugins/{code}/versions/{version}/yank": {
        post: {
          summary: "Yank or restore a version",
          parameters: [code, version],
          requestBody: { content: { "application/json": { schema: schema(yankBodySchema, "input") } } },
          responses: { 200: { description: "Version", ...json("VersionSummary") }, ...problems(404, 422) },
        },
      },
    },
    components: {
      schemas: {
        Problem: problem,
        PluginList: schema(pluginListSchema),
        PluginDetail: schema(pluginDetailSchema),
        VersionSummary: schema(versionSummarySchema),
        VersionDetail: schema(versionDetailSchema),
        PublishResult: schema(publishResultSchema),
      },
    },
  };
}
