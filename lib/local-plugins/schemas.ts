import { z } from "zod";

/** One plugin folder found under PLUGINS_DIR, and what registering it as a debug release gave. */
export const localPluginSchema = z.object({
  folder: z.string(),
  ok: z.boolean(),
  code: z.string().nullable(),
  version: z.string().nullable(),
  /** Why it could not be registered: the publish's refusal, with its field errors (path, line, column). */
  message: z.string().nullable(),
  errors: z.array(z.object({ path: z.string(), message: z.string(), line: z.number().optional(), column: z.number().optional() })),
  checkedAt: z.string(),
});
export type LocalPlugin = z.infer<typeof localPluginSchema>;

export const localPluginListSchema = z.object({ dirs: z.array(z.string()), items: z.array(localPluginSchema) });
export type LocalPluginList = z.infer<typeof localPluginListSchema>;
