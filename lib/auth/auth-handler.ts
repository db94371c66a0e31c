import "server-only";
import { AppError } from "@/lib/http/errors";
import { problemResponse, toProblem } from "@/lib/http/problem";
import { readCapped } from "@/lib/http/read-capped";
import { auth } from "./auth";

/**
 * /api/auth/*, served by better-auth, which would read whole bodies itself: the body is read here
 * first, capped like every buffered body, and handed over as bytes.
 */
export async function handleAuthRequest(req: Request): Promise<Response> {
  if (req.method === "GET" || req.method === "HEAD") return auth().handler(req);
  let body: Buffer;
  try {
    body = await readCapped(req);
  } catch (error) {
    return problemResponse(toProblem(error), error instanceof AppError ? error.headers : undefined);
  }
  return auth().handler(new Request(req.url, { method: req.method, headers: req.headers, body: new Uint8Array(body) }));
}
