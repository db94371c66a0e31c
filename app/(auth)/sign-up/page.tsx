import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthForm } from "@/components/auth/auth-form";

export const metadata: Metadata = { title: "Create account" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ invitation?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const { invitation } = await searchParams;
  return (
    <AuthCard title="Create an account" detail={invitation ? "You were invited to this hub." : "Publish plugins of your own."}>
      <AuthForm mode="sign-up" invitation={typeof invitation === "string" ? invitation : undefined} />
    </AuthCard>
  );
}
