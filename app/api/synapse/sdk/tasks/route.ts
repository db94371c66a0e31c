// GET /sdk/tasks/ — the tasks of a project, with their files, as the Synapse SDK's export lists them (export-protocol.md)
import { route } from "@/lib/http/route";
import { listExportItems } from "@/lib/synapse/export/list-export-items";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "Synapse SDK export list: tasks of a project, with their files (cursor or page paging; unknown filters refused)" },
  async ({ req }) => listExportItems(req, "task"),
);
