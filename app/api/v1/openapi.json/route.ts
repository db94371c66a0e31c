// GET /api/v1/openapi.json — the API, described from the routes the server serves and their zod schemas
import { route } from "@/lib/http/route";
import { openApiDocument } from "@/lib/openapi/document";
import { routeTable } from "@/lib/openapi/route-table";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "This document (OpenAPI 3.1)" }, async () => openApiDocument(await routeTable()));
