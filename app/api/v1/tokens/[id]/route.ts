// DELETE /api/v1/tokens/{id} — revoke one of your tokens
import { z } from "zod";
import { requireSessionUser } from "@/lib/auth/require-session";
import { revokeToken } from "@/lib/auth/tokens";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const DELETE = route({ params: z.object({ id: z.uuid() }) }, async ({ req, params }) => revokeToken((await requireSessionUser(req)).id, params.id));
