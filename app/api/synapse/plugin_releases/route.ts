// GET /plugin_releases/ — releases, newest first (`?plugin=<code>` filters); Synapse list shape
// POST /plugin_releases/ — the Synapse SDK's `synapse plugin publish` (multipart, token auth)
import { z } from "zod";
import { requirePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { listSynapseReleases } from "@/lib/synapse/list-releases";
import { pageQuerySchema } from "@/lib/synapse/paging";
import { publishRelease } from "@/lib/synapse/publish-release";

export const dynamic = "force-dynamic";

const listQuery = pageQuerySchema.extend({
  plugin: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .optional(),
});

export const GET = route(
  { summary: "Plugin releases, newest first; `plugin` filters by code (Synapse list shape)", query: listQuery, read: true },
  async ({ req, query }) => listSynapseReleases(req, query),
);

export const POST = route(
  { summary: "Publish a release: the Synapse SDK's `synapse plugin publish` (multipart)", upload: true, status: 201 },
  async ({ req }) => publishRelease(req, await requirePrincipal(req)),
);
