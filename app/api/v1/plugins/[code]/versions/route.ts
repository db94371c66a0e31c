// GET /api/v1/plugins/{code}/versions — every version, newest (semver) first
import { z } from "zod";
import { route } from "@/lib/http/route";
import { listVersionsOrThrow } from "@/lib/registry/get-plugin";
import { codeParam } from "@/lib/registry/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ params: z.object({ code: codeParam }), read: true }, async ({ params }) => ({
  items: await listVersionsOrThrow(params.code),
}));
