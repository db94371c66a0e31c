// GET /plugin_releases/{id}/ — one release (Synapse shape)
import { z } from "zod";
import { route } from "@/lib/http/route";
import { getSynapseRelease } from "@/lib/synapse/get-release";

export const dynamic = "force-dynamic";

export const GET = route({ params: z.object({ id: z.uuid() }), read: true }, async ({ req, params }) => getSynapseRelease(req, params.id));
