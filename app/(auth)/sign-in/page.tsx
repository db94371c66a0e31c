import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthForm } from "@/components/auth/auth-form";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await getSessionUser(await headers())) redirect("/");
  return (
    <AuthCard title="Sign in" detail="Publish plugins and manage your tokens.">
      <AuthForm mode="sign-in" />
    </AuthCard>
  );
}
