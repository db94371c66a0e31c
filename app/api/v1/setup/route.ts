// POST /api/v1/setup — first run only: create the hub's admin account and sign it in
import { setupSchema } from "@/lib/auth/schemas";
import { setUpAdmin } from "@/lib/auth/setup-admin";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({ summary: "First run only: create the hub's admin account and sign it in", body: setupSchema, status: 201 }, async ({ body }) =>
  setUpAdmin(await body()),
);
