// The one entry point: validated variables in, the plugin's files out.
import { renderFiles, type TemplateFile } from "./render-files";
import { templateVariablesSchema, type TemplateInput, type TemplateVariables } from "./schemas";
import { zipTemplate } from "./template-zip";

export type GeneratedPlugin = { variables: TemplateVariables; files: TemplateFile[] };

/** Throws the ZodError of the first bad input (the API answers it as a 422 with every field path). */
export function generatePlugin(input: TemplateInput): GeneratedPlugin {
  const variables = templateVariablesSchema.parse(input);
  return { variables, files: renderFiles(variables) };
}

export async function generatePluginZip(input: TemplateInput): Promise<GeneratedPlugin & { zip: Buffer; filename: string }> {
  const generated = generatePlugin(input);
  const { code, version } = generated.variables;
  return { ...generated, zip: await zipTemplate(code, generated.files), filename: `${code}-${version}.zip` };
}
