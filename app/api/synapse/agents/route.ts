// GET /agents/ — the agents that run plugins (Synapse list shape): the hub itself, as one agent
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { listSynapseAgents } from "@/lib/synapse/list-agents";
import { pageQuerySchema } from "@/lib/synapse/paging";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "Agents (Synapse list shape): the hub as its one agent", query: pageQuerySchema }, async ({ req, query }) => {
  await requirePrincipal(req);
  return listSynapseAgents(req, query);
});
