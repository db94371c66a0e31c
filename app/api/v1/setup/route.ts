// POST /api/v1/setup — first run only: create the hub's admin account and sign it in
import { enforceRateLimit } from "@/lib/auth/rate-limit";
import { setupSchema } from "@/lib/auth/schemas";
import { setUpAdmin } from "@/lib/auth/setup-admin";
import { clientAddress } from "@/lib/http/client-address";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({}, async ({ req }) => {
  await enforceRateLimit("setup", clientAddress(req.headers));
  return setUpAdmin(setupSchema.parse(await readJson(req, {})));
});
