// GET /api/v1/plugins/{code}/versions/{version} — one version (or `latest`) with config, README and actions
import { z } from "zod";
import { route } from "@/lib/http/route";
import { getVersionOrThrow } from "@/lib/registry/get-plugin";
import { codeParam, versionDetailSchema, versionParam } from "@/lib/registry/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "One version (or `latest`) with config, README and actions",
    params: z.object({ code: codeParam, version: versionParam }),
    response: versionDetailSchema,
    read: true,
  },
  ({ params }) => getVersionOrThrow(params.code, params.version),
);
