// POST /api/v1/setup — first run only: create the hub's admin account and sign it in
import { enforceRateLimit } from "@/lib/auth/rate-limit";
import { setupSchema } from "@/lib/auth/schemas";
import { setUpAdmin } from "@/lib/auth/setup-admin";
import { clientAddress } from "@/lib/http/client-address";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(
  { summary: "First run only: create the hub's admin account and sign it in", body: setupSchema, status: 201 },
  async ({ req, body }) => {
    await enforceRateLimit("setup", clientAddress(req.headers));
    return setUpAdmin(await body());
  },
);
