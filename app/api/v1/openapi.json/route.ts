// GET /api/v1/openapi.json — the API described from its zod schemas
import { openApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(openApiDocument());
}
