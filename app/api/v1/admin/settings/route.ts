// GET /api/v1/admin/settings — hub-wide settings (admins)
// PUT /api/v1/admin/settings — change them
import { requireSessionUser } from "@/lib/auth/require-session";
import { AppError } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { getSettings, updateSettings } from "@/lib/settings/hub-settings";
import { hubSettingsSchema } from "@/lib/settings/schema";

export const dynamic = "force-dynamic";

async function requireAdmin(req: Request): Promise<void> {
  if ((await requireSessionUser(req)).role !== "admin") throw new AppError("forbidden", "Only admins change hub settings.");
}

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
