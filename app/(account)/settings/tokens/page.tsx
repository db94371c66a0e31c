import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TokensClient } from "@/components/account/tokens-client";
import { currentUser } from "@/lib/auth/current-user";
import { signInFor } from "@/lib/auth/return-path";
import { listTokens } from "@/lib/auth/tokens";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const user = await currentUser();
  if (!user) redirect(signInFor("/settings/tokens"));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          For the <code className="font-mono">synapse-hub</code> CLI, CI and the Synapse SDK. Send one as{" "}
          <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>.
        </p>
      </div>
      <TokensClient initial={await listTokens(user.id)} />
    </div>
  );
}
