import "server-only";
import { toPage, type PageQuery } from "./paging";

// The Synapse backend lists agents (the machines that run plugins); the SDK's CLI asks for them to
// check a token (`synapse doctor`) and to pick the agent a remote run names (`synapse agent select`).
// The hub runs plugins on its own compute backends, so it answers one agent standing for itself;
// `POST /plugins/{code}/run/` accepts any agent id.
export const HUB_AGENT = { id: 1, name: "synapse-hub", url: null, status: "connected", token: null, node_install_script: null };

/** GET /agents/: the hub as the one agent, in the Synapse paging shape. */
export function listSynapseAgents(req: Request, query: PageQuery) {
  return toPage(req, query, 1, query.page === 1 ? [HUB_AGENT] : []);
}
