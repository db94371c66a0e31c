// GET /sdk/assignments/ — the assignments (annotation records) of a project, as the Synapse SDK's export lists them (export-protocol.md)
import { route } from "@/lib/http/route";
import { listExportItems } from "@/lib/synapse/export/list-export-items";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "Synapse SDK export list: assignments (annotation records) of a project (cursor or page paging; unknown filters refused)" },
  async ({ req }) => listExportItems(req, "assignment"),
);
