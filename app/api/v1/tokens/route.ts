// GET /api/v1/tokens — your API tokens (never their secrets)
// POST /api/v1/tokens — create one; the answer holds the secret, shown this once
import { enforceRateLimit } from "@/lib/auth/rate-limit";
import { requireSessionUser } from "@/lib/auth/require-session";
import { createTokenSchema } from "@/lib/auth/scopes";
import { createToken, listTokens } from "@/lib/auth/tokens";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({}, async ({ req }) => ({ items: await listTokens((await requireSessionUser(req)).id) }));

export const POST = route({}, async ({ req }) => {
  const user = await requireSessionUser(req);
  await enforceRateLimit("create-token", user.id);
  const created = await createToken(user.id, createTokenSchema.parse(await readJson(req, {})));
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
