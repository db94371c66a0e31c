import type { Metadata } from "next";
import { NewPluginForm } from "@/components/templates/new-plugin-form";
import { currentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "New plugin" };
export const dynamic = "force-dynamic";

export default async function NewPluginPage() {
  const user = await currentUser();
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">New plugin</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Start from your category&apos;s template: every action runs as generated, reporting progress and metrics. Download it to edit, or publish it straight
          away and run it. From a terminal: <code className="font-mono">npx synapse-hub create</code>.
        </p>
      </div>
      <NewPluginForm signedIn={Boolean(user)} />
    </div>
  );
}
