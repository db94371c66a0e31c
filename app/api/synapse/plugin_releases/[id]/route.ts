// GET /plugin_releases/{id}/ — one release (Synapse shape)
import { z } from "zod";
import { route } from "@/lib/http/route";
import { getSynapseRelease } from "@/lib/synapse/get-release";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "One plugin release (Synapse shape)", params: z.object({ id: z.uuid() }), read: true }, async ({ req, params }) =>
  getSynapseRelease(req, params.id),
);
