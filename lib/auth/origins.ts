import "server-only";
import { hubOrigin } from "@/lib/http/hub-origin";

/**
 * Whether a request comes from the hub's own pages: its Origin is the hub's (PUBLIC_URL, or the
 * origin its Host names). A browser always sends Origin on a cross-site POST, so another site cannot
 * ride a signed-in browser; and it cannot forge Host for our cookies (DNS rebinding yields a
 * request without them).
 */
export function comesFromHub(req: Request): boolean {
  const origin = req.headers.get("origin");
  return origin !== null && origin === hubOrigin(req);
}
