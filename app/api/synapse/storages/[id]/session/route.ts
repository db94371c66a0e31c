// POST /storages/{id}/session/ — open a storage session (the SDK's acquire_storage); for a run's token, its own output folder
import { z } from "zod";
import { route } from "@/lib/http/route";
import { projectIdParam } from "@/lib/projects/schemas";
import { openSdkStorageSession } from "@/lib/synapse/export/run-storage";

export const dynamic = "force-dynamic";

const body = z.object({ purpose: z.enum(["read", "write"]).optional() });

export const POST = route(
  { summary: "Open a session on the hub's storage, as the Synapse SDK does", params: projectIdParam, body },
  async ({ req, params, body }) => {
    await body();
    return openSdkStorageSession(req, params.id);
  },
);
