// GET /api/v1/plugins/{code}/versions — every version, newest (semver) first
import { z } from "zod";
import { route } from "@/lib/http/route";
import { listVersionsOrThrow } from "@/lib/registry/get-plugin";
import { codeParam, versionSummarySchema } from "@/lib/registry/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "Every version, newest (semver) first",
    params: z.object({ code: codeParam }),
    response: z.object({ items: z.array(versionSummarySchema) }),
    read: true,
  },
  async ({ params }) => ({
    items: await listVersionsOrThrow(params.code),
  }),
);
