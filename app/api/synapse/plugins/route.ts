// GET /plugins/ — plugins in the Synapse list shape (`?search=` matches name, code, description)
import { z } from "zod";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { pageQuerySchema, toPage } from "@/lib/synapse/paging";
import { toSynapsePlugin } from "@/lib/synapse/serializers";

export const dynamic = "force-dynamic";

const listQuery = pageQuerySchema.extend({ search: z.string().max(200).optional(), category: z.string().max(50).optional() });

export const GET = route(
  { summary: "Plugins (Synapse list shape); `search` matches name, code and description", query: listQuery, read: true },
  async ({ req, query }) => {
    const where = {
      ...(query.category ? { category: query.category } : {}),
      ...(query.search ? { OR: ["name", "code", "description"].map((field) => ({ [field]: { contains: query.search, mode: "insensitive" as const } })) } : {}),
    };
    const [count, rows] = await Promise.all([
      db().plugin.count({ where }),
      db().plugin.findMany({ where, orderBy: { code: "asc" }, skip: (query.page - 1) * query.page_size, take: query.page_size }),
    ]);
    return toPage(req, query, count, rows.map(toSynapsePlugin));
  },
);
