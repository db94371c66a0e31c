// GET /api/v1/templates — a new plugin from its category's template, as a zip (variables in the query)
// POST /api/v1/templates — the same, variables as a JSON body
import { route } from "@/lib/http/route";
import { generatePluginZip } from "@/lib/templates/generate";
import { templateInputSchema, type TemplateInput } from "@/lib/templates/schemas";

export const dynamic = "force-dynamic";

const description =
  "The Synapse SDK's layout (config.yaml, README.md, requirements.txt, pyproject.toml, .gitignore, .synapseignore, plugin/), one module per default action of the category, inside one folder named after the code. The variables follow config.yaml's rules; `code` defaults to the name's slug, `runtime` to `hub`.";

async function zipResponse(input: TemplateInput): Promise<Response> {
  const { zip, filename } = await generatePluginZip(input);
  return new Response(new Uint8Array(zip), {
    headers: { "content-type": "application/zip", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
}

export const GET = route({ summary: "Download a new plugin made from a template (zip)", description, query: templateInputSchema, read: true }, ({ query }) =>
  zipResponse(query),
);

export const POST = route(
  { summary: "Download a new plugin made from a template (zip)", description, body: templateInputSchema, read: true },
  async ({ body }) => zipResponse(await body()),
);
