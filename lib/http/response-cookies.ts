import { processSingleton } from "@/lib/process-singleton";

/**
 * Cookies that code deep in a request (the session lookup renewing or ending a session) needs the
 * browser to receive; the route wrapper adds them to whatever response the handler returns.
 */
const pending = processSingleton("response-cookies", () => new WeakMap<Request, string[]>());

export function queueResponseCookies(req: Request, cookies: string[]): void {
  if (cookies.length) pending.set(req, [...(pending.get(req) ?? []), ...cookies]);
}

export function withQueuedCookies(req: Request, response: Response): Response {
  const cookies = pending.get(req);
  if (!cookies) return response;
  pending.delete(req);
  // A response straight from fetch() has immutable headers: copy it then.
  const out = headersMutable(response) ? response : new Response(response.body, response);
  for (const cookie of cookies) out.headers.append("set-cookie", cookie);
  // A cookie is one person's: a shared cache must neither keep this response (and hand the cookie
  // to others) nor answer this person from a copy that lacks it, e.g. an immutable archive download.
  out.headers.set("cache-control", "private, no-store");
  const vary = out.headers.get("vary");
  if (!vary?.split(",").some((name) => ["cookie", "*"].includes(name.trim().toLowerCase()))) out.headers.set("vary", vary ? `${vary}, Cookie` : "Cookie");
  return out;
}

function headersMutable(response: Response): boolean {
  try {
    response.headers.append("x-probe", "1");
    response.headers.delete("x-probe");
    return true;
  } catch {
    return false;
  }
}
