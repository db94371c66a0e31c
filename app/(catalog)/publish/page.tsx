import type { Metadata } from "next";
import Link from "next/link";
import { PublishClient } from "@/components/publish/publish-client";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import { currentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Publish" };
export const dynamic = "force-dynamic";

export default async function PublishPage() {
  const user = await currentUser();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Publish a plugin</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Upload a <code className="font-mono">.zip</code> or <code className="font-mono">.tar.gz</code> with a <code className="font-mono">config.yaml</code>{" "}
          at its root or in its single top-level folder. Versions are immutable: publish a new version to change anything.
        </p>
        <p className="mt-2 text-sm">
          No plugin yet?{" "}
          <Link href="/plugins/new" className="font-medium text-brand-700 hover:underline dark:text-brand-300">
            Start one from a template
          </Link>
          , or scaffold it with <code className="font-mono">npx synapse-hub create</code>. Folders the hub watches (
          <code className="font-mono">PLUGINS_DIR</code>) are on{" "}
          <Link href="/local-plugins" className="font-medium text-brand-700 hover:underline dark:text-brand-300">
            Local plugins
          </Link>
          .
        </p>
      </div>
      {user ? (
        <PublishClient maxBytes={env().ARCHIVE_MAX_BYTES} />
      ) : (
        <EmptyState title="Sign in to publish" detail="Publishing needs an account; the first to publish a plugin code owns it.">
          <Button href="/sign-in">Sign in</Button>
        </EmptyState>
      )}
    </div>
  );
}
