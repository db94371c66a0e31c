// /serve/{run}/… — a running serve action's HTTP server, proxied by the hub (any method)
import { z } from "zod";
import { route } from "@/lib/http/route";
import { serveOrExplain } from "@/lib/compute/serve/proxy";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.uuid(), path: z.array(z.string()).optional() });
const handler = route({ summary: "A deployment's own HTTP API, proxied", params }, async ({ req, params }) =>
  serveOrExplain(req, params.id, params.path ?? []),
);

export const GET = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
export const OPTIONS = handler;
