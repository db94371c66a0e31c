// GET /api/v1/projects/example — the example project as an importable .zip (the format by example)
import { Readable } from "node:stream";
import { route } from "@/lib/http/route";
import { exampleZipStream } from "@/lib/projects/seed/example-project";

export const dynamic = "force-dynamic";

export const GET = route({ summary: 'The example project as a .zip in the import format (README "Projects"); no account needed' }, async () => {
  return new Response(Readable.toWeb(exampleZipStream()) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": 'attachment; filename="example-shapes.zip"',
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
});
