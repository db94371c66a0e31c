// GET /api/v1/plugins/{code} — one plugin with its versions
import { z } from "zod";
import { route } from "@/lib/http/route";
import { getPluginOrThrow } from "@/lib/registry/get-plugin";
import { codeParam, pluginDetailSchema } from "@/lib/registry/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "One plugin with its versions", params: z.object({ code: codeParam }), response: pluginDetailSchema, read: true },
  ({ params }) => getPluginOrThrow(params.code),
);
