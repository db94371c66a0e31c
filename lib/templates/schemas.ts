// The variables of a plugin template, shared by the CLI, the API and the "New plugin" form. Each
// field is the registry's own config.yaml rule (one schema): a generated config can only fail to
// validate if a template itself is wrong, which the unit tests rule out for every category.
import { z } from "zod";
import { CATEGORY_LABELS } from "../registry/config/categories";
import { configSchema } from "../registry/config/config-schema";
import { slugify } from "../registry/config/normalize-config";

export const TEMPLATE_RUNTIMES = ["hub", "sdk"] as const;
export type TemplateRuntime = (typeof TEMPLATE_RUNTIMES)[number];

export const RUNTIME_LABELS: Record<TemplateRuntime, { label: string; detail: string }> = {
  hub: { label: "Hub runtime", detail: "Standard library only, Python ≥ 3.10: nothing to install, runs in seconds." },
  sdk: { label: "Synapse SDK", detail: "synapse-sdk 2026.2.17 (BaseAction, pydantic params), Python ≥ 3.12: the first run installs it." },
};

/** The SDK release the `sdk` templates pin, the one the hub's interop tests run. */
export const SDK_REQUIREMENT = "synapse-sdk==2026.2.17";

const { name, version, category, description } = configSchema.shape;

/** What the form, flags or query give; `code` may be left empty (then derived from the name, as the SDK does). */
export const templateInputSchema = z.object({
  name,
  code: z.preprocess((v) => (v === "" || v === null ? undefined : v), configSchema.shape.code),
  version,
  category,
  description,
  runtime: z.enum(TEMPLATE_RUNTIMES, { error: `must be one of ${TEMPLATE_RUNTIMES.join(", ")}` }).default("hub"),
});
export type TemplateInput = z.input<typeof templateInputSchema>;

/** Validated variables, with the code always set. */
export const templateVariablesSchema = templateInputSchema.transform((v, ctx) => {
  const code = v.code ?? slugify(v.name);
  if (code === "") {
    ctx.addIssue({ code: "custom", path: ["code"], message: "cannot be derived from the name; set a code" });
    return z.NEVER;
  }
  return { ...v, code };
});
export type TemplateVariables = z.output<typeof templateVariablesSchema>;

export const DEFAULT_VERSION = "0.1.0";

/** "an export plugin", "a neural net plugin". */
export function categoryPhrase(category: string): string {
  const label = (CATEGORY_LABELS as Record<string, string>)[category]?.toLowerCase() ?? category;
  return `${/^[aeiou]/.test(label) ? "an" : "a"} ${label} plugin`;
}

/** What `create` and the form use when no description is given. */
export const defaultDescription = (category: string) => `${categoryPhrase(category).replace(/^a/, "A")}.`;
