// /api/auth/* — sign-up, sign-in, sign-out and sessions, served by better-auth
import { handleAuthRequest } from "@/lib/auth/auth-handler";

export const dynamic = "force-dynamic";

export const GET = handleAuthRequest;
export const POST = handleAuthRequest;
