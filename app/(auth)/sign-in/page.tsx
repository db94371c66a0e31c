import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthForm } from "@/components/auth/auth-form";
import { currentUser } from "@/lib/auth/current-user";
import { safeReturnPath } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await currentUser()) redirect(safeReturnPath((await searchParams).next));
  return (
    <AuthCard title="Sign in" detail="Publish plugins and manage your tokens.">
      <AuthForm mode="sign-in" />
    </AuthCard>
  );
}
