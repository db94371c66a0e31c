// /api/auth/* — sign-up, sign-in, sign-out and sessions, served by better-auth
import { handleAuthRequest } from "@/lib/auth/auth-handler";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const spec = {
  summary: "Accounts, served by better-auth: sign-up/email, sign-in/email, sign-out, get-session",
  description: "See the better-auth documentation for each endpoint under /api/auth/.",
};

export const GET = route(spec, ({ req }) => handleAuthRequest(req));
export const POST = route(spec, ({ req }) => handleAuthRequest(req));
