import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthForm } from "@/components/auth/auth-form";
import { hasAdmin } from "@/lib/auth/setup-admin";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await hasAdmin()) redirect("/sign-in");
  return (
    <AuthCard title="Welcome to synapse-hub" detail="Create the first account. It becomes the hub's admin.">
      <AuthForm mode="setup" />
    </AuthCard>
  );
}
