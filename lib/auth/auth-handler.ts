import "server-only";
import { readCapped } from "@/lib/http/read-capped";
import { auth } from "./auth";

/**
 * /api/auth/*, served by better-auth, which would read whole bodies itself: the body is read here
 * first, capped like every buffered body (an over-cap body throws its 413), and handed over as bytes.
 */
export async function handleAuthRequest(req: Request): Promise<Response> {
  if (req.method === "GET" || req.method === "HEAD") return auth().handler(req);
  const body = await readCapped(req);
  return auth().handler(new Request(req.url, { method: req.method, headers: req.headers, body: new Uint8Array(body) }));
}
