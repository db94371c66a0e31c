// POST /api/v1/admin/invitations — an admin creates a one-time sign-up link (invite-only hubs)
import { createInvitation } from "@/lib/auth/invitations";
import { requireAdmin } from "@/lib/auth/require-admin";
import { hubOrigin } from "@/lib/http/hub-origin";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({ summary: "Create a one-time sign-up link (admins; invite-only hubs)", status: 201 }, async ({ req }) => {
  const admin = await requireAdmin(req);
  const { code, expiresAt } = await createInvitation(admin.id);
  const url = `${hubOrigin(req)}/sign-up?invitation=${code}`;
  return Response.json({ code, url, expiresAt }, { status: 201, headers: { "cache-control": "no-store" } });
});
