// GET /api/v1/admin/settings — hub-wide settings (admins)
// PUT /api/v1/admin/settings — change them
import { requireAdmin } from "@/lib/auth/require-admin";
import { route } from "@/lib/http/route";
import { getSettings, updateSettings } from "@/lib/settings/hub-settings";
import { hubSettingsSchema } from "@/lib/settings/schema";

export const dynamic = "force-dynamic";

export const GET = route({ summary: "Hub-wide settings (admins)", response: hubSettingsSchema }, async ({ req }) => {
  await requireAdmin(req);
  return getSettings();
});

export const PUT = route(
  { summary: "Change hub-wide settings (admins)", body: hubSettingsSchema.partial().strict(), response: hubSettingsSchema },
  async ({ req, body }) => {
    await requireAdmin(req);
    return updateSettings(await body());
  },
);
