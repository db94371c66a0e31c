// /api/auth/* — sign-up, sign-in, sign-out and sessions, served by better-auth
import { auth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

const handle = (req: Request) => auth().handler(req);

export const GET = handle;
export const POST = handle;
