// GET /api/v1/project-files/{fileId}/{name}?expires&signature — a task file through a signed, expiring URL (no account: the export lists hand these out)
import { z } from "zod";
import { route } from "@/lib/http/route";
import { serveSignedProjectFile } from "@/lib/projects/serve-project-file";

export const dynamic = "force-dynamic";

const params = z.object({ fileId: z.coerce.number().int().min(1).max(2_147_483_647), name: z.string().min(1).max(1024) });
const query = z.object({
  expires: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 40),
  signature: z.string().min(1).max(200),
});

export const GET = route({ summary: "A task file through a signed, expiring URL", params, query }, async ({ req, params, query }) =>
  serveSignedProjectFile(req, params.fileId, query.expires, query.signature),
);
