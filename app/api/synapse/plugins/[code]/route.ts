// GET /plugins/{code}/ — one plugin (Synapse shape), with its releases
import { z } from "zod";
import { route } from "@/lib/http/route";
import { codeParam } from "@/lib/registry/schemas";
import { getSynapsePlugin } from "@/lib/synapse/get-plugin";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "One plugin with its releases (Synapse shape)", params: z.object({ code: codeParam }), read: true },
  async ({ req, params }) => getSynapsePlugin(req, params.code),
);
