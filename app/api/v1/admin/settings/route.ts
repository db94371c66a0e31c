// GET /api/v1/admin/settings — hub-wide settings (admins)
// PUT /api/v1/admin/settings — change them
import { requireAdmin } from "@/lib/auth/require-admin";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { getSettings, updateSettings } from "@/lib/settings/hub-settings";
import { hubSettingsSchema } from "@/lib/settings/schema";

export const dynamic = "force-dynamic";

export const GET = route({}, async ({ req }) => {
  await requireAdmin(req);
  return getSettings();
});

export const PUT = route({}, async ({ req }) => {
  await requireAdmin(req);
  return updateSettings(
    hubSettingsSchema
      .partial()
      .strict()
      .parse(await readJson(req, {})),
  );
});
