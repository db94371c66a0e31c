import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SettingsForm } from "@/components/account/settings-form";
import { currentUser } from "@/lib/auth/current-user";
import { getSettings } from "@/lib/settings/hub-settings";

export const metadata: Metadata = { title: "Hub settings" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const user = await currentUser();
  if (user?.role !== "admin") redirect(user ? "/" : "/sign-in");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Hub settings</h1>
      <SettingsForm initial={await getSettings()} />
    </div>
  );
}
