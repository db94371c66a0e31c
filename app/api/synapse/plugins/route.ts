// GET /plugins/ — plugins in the Synapse list shape (`?search=` matches name, code, description)
import { z } from "zod";
import { route } from "@/lib/http/route";
import { listSynapsePlugins } from "@/lib/synapse/list-plugins";
import { pageQuerySchema } from "@/lib/synapse/paging";

export const dynamic = "force-dynamic";

const listQuery = pageQuerySchema.extend({ search: z.string().max(200).optional(), category: z.string().max(50).optional() });

export const GET = route(
  { summary: "Plugins (Synapse list shape); `search` matches name, code and description", query: listQuery, read: true },
  async ({ req, query }) => listSynapsePlugins(req, query),
);
