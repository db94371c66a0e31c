// GET|HEAD /api/v1/plugins/{code}/versions/{version}/archive — download the archive (ETag = sha256, ranges)
import { z } from "zod";
import { route } from "@/lib/http/route";
import { findVersionRowOrThrow } from "@/lib/registry/get-plugin";
import { codeParam, versionParam } from "@/lib/registry/schemas";
import { getSettings } from "@/lib/settings/hub-settings";
import { serveBlob } from "@/lib/storage/serve-blob";

export const dynamic = "force-dynamic";

const CONTENT_TYPES = { zip: "application/zip", "tar.gz": "application/gzip" } as Record<string, string>;

export const GET = route(
  { summary: "Download the archive (ETag = sha256; Range and conditional requests)", params: z.object({ code: codeParam, version: versionParam }), read: true },
  async ({ req, params }) => {
    const row = await findVersionRowOrThrow(params.code, params.version);
    return serveBlob(req, row.sha256, `${params.code}-${row.version}.${row.format}`, CONTENT_TYPES[row.format], {
      immutable: params.version !== "latest",
      shared: (await getSettings()).publicRead,
    });
  },
);

export const HEAD = GET;
