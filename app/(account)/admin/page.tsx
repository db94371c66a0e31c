import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SettingsForm } from "@/components/account/settings-form";
import { getSessionUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/settings/hub-settings";

export const metadata: Metadata = { title: "Hub settings" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const user = await getSessionUser(await headers());
  if (user?.role !== "admin") redirect(user ? "/" : "/sign-in");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Hub settings</h1>
      <SettingsForm initial={await getSettings()} />
    </div>
  );
}
