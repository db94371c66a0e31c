// GET /api/v1/tokens — your API tokens (never their secrets)
// POST /api/v1/tokens — create one; the answer holds the secret, shown this once
import { enforceRateLimit } from "@/lib/auth/rate-limit";
import { requireSessionUser } from "@/lib/auth/require-session";
import { createTokenSchema, tokenSchema } from "@/lib/auth/scopes";
import { z } from "zod";
import { createToken, listTokens } from "@/lib/auth/tokens";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "Your API tokens (never their secrets)", response: z.object({ items: z.array(tokenSchema) }) }, async ({ req }) => ({
  items: await listTokens((await requireSessionUser(req)).id),
}));

export const POST = route(
  { summary: "Create a token; the answer holds the secret, shown this once", body: createTokenSchema, status: 201 },
  async ({ req, body }) => {
    const user = await requireSessionUser(req);
    await enforceRateLimit("create-token", user.id);
    const created = await createToken(user.id, await body());
    return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
  },
);
