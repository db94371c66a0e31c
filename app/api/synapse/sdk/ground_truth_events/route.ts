// GET /sdk/ground_truth_events/ — the ground-truth events of dataset versions, as the Synapse SDK's export lists them (export-protocol.md)
import { route } from "@/lib/http/route";
import { listExportItems } from "@/lib/synapse/export/list-export-items";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "Synapse SDK export list: ground-truth events of dataset versions (cursor or page paging; unknown filters refused)" },
  async ({ req }) => listExportItems(req, "ground_truth"),
);
