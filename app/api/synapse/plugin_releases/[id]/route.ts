// GET /plugin_releases/{id}/ — one release (Synapse shape), by its id or as `code@version`; `?expand=plugin`
import { z } from "zod";
import { route } from "@/lib/http/route";
import { getSynapseRelease, releaseQuerySchema } from "@/lib/synapse/get-release";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "One plugin release (Synapse shape), by id or `code@version`; `expand=plugin` nests the plugin",
    params: z.object({ id: z.string().min(1).max(300) }),
    query: releaseQuerySchema,
    read: true,
  },
  async ({ req, params, query }) => getSynapseRelease(req, params.id, query),
);
