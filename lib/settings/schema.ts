import { z } from "zod";

/** Hub-wide settings an admin changes at /admin. */
export const hubSettingsSchema = z.object({
  /** Who may create an account: anyone ("open"), holders of an admin's invitation ("invite"), nobody ("closed"). */
  signup: z.enum(["open", "invite", "closed"]).default("open"),
  /** Whether visitors who are not signed in may browse the catalog and download. */
  publicRead: z.boolean().default(true),
});
export type HubSettings = z.infer<typeof hubSettingsSchema>;
