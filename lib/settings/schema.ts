import { z } from "zod";

/** Hub-wide settings an admin changes at /admin. */
export const hubSettingsSchema = z.object({
  /** Whether anyone may create an account ("open") or only the admin exists and invites later ("closed"). */
  signup: z.enum(["open", "closed"]).default("open"),
  /** Whether visitors who are not signed in may browse the catalog and download. */
  publicRead: z.boolean().default(true),
});
export type HubSettings = z.infer<typeof hubSettingsSchema>;
