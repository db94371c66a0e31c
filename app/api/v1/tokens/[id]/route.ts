// DELETE /api/v1/tokens/{id} — revoke one of your tokens
import { z } from "zod";
import { requireSessionUser } from "@/lib/auth/require-session";
import { tokenSchema } from "@/lib/auth/scopes";
import { revokeToken } from "@/lib/auth/tokens";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const DELETE = route({ summary: "Revoke one of your tokens", params: z.object({ id: z.uuid() }), response: tokenSchema }, async ({ req, params }) =>
  revokeToken((await requireSessionUser(req)).id, params.id),
);
