// GET /storages/{id}/?with_configuration=true — the hub's storage (the SDK's get_storage); for a run's token, its own output folder
import { z } from "zod";
import { route } from "@/lib/http/route";
import { projectIdParam } from "@/lib/projects/schemas";
import { getSdkStorage } from "@/lib/synapse/export/run-storage";

export const dynamic = "force-dynamic";

const query = z.object({ with_configuration: z.enum(["true", "false", "True", "False", "1", "0"]).optional() });

export const GET = route({ summary: "The hub's storage, as the Synapse SDK reads it", params: projectIdParam, query }, async ({ req, params }) =>
  getSdkStorage(req, params.id),
);
