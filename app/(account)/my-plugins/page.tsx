import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PluginGrid } from "@/components/catalog/plugin-grid";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import { currentUser } from "@/lib/auth/current-user";
import { signInFor } from "@/lib/auth/return-path";
import { listPluginsOf } from "@/lib/registry/list-plugins-of";

export const metadata: Metadata = { title: "My plugins" };
export const dynamic = "force-dynamic";

export default async function MyPluginsPage() {
  const user = await currentUser();
  if (!user) redirect(signInFor("/my-plugins"));
  const plugins = await listPluginsOf(user.id);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">My plugins</h1>
      {plugins.length ? (
        <PluginGrid plugins={plugins} />
      ) : (
        <EmptyState title="You have no plugins yet" detail="Plugins you publish first, or maintain, appear here.">
          <Button href="/publish">Publish a plugin</Button>
        </EmptyState>
      )}
    </div>
  );
}
