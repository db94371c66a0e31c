import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthForm } from "@/components/auth/auth-form";

export const metadata: Metadata = { title: "Create account" };
export const dynamic = "force-dynamic";

export default function SignUpPage() {
  return (
    <AuthCard title="Create an account" detail="Publish plugins of your own.">
      <AuthForm mode="sign-up" />
    </AuthCard>
  );
}
