import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { People } from "@/components/plugin/people";
import { PluginHeader } from "@/components/plugin/plugin-header";
import { requirePageReader } from "@/lib/auth/require-page-reader";
import { currentUser } from "@/lib/auth/current-user";
import { canManage } from "@/lib/registry/can-manage";
import { ActionsList } from "@/components/plugin/actions-list";
import { ConfigView } from "@/components/plugin/config-view";
import { Tabs } from "@/components/ui/tabs";
import { Readme } from "@/components/plugin/readme";
import { VersionsTable } from "@/components/plugin/versions-table";
import { AppError } from "@/lib/http/errors";
import { getPluginOrThrow, getVersionOrThrow } from "@/lib/registry/get-plugin";
import { codeParam } from "@/lib/registry/schemas";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ version?: string | string[] }> };

// generateMetadata and the page both need the plugin: one lookup per request (React cache).
const load = cache(async (code: string, version: string | undefined) => {
  await requirePageReader();
  if (!codeParam.safeParse(code).success) notFound();
  try {
    const plugin = await getPluginOrThrow(code);
    const wanted = version ?? plugin.latestVersion ?? plugin.versions[0]?.version;
    if (!wanted) notFound();
    return { plugin, selected: await getVersionOrThrow(code, wanted) };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
});

async function loadFor({ params, searchParams }: Props) {
  const { version } = await searchParams;
  return load((await params).code, typeof version === "string" ? version : undefined);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { plugin } = await loadFor(props);
  return { title: plugin.name, description: plugin.description };
}

export default async function PluginPage(props: Props) {
  const { plugin, selected } = await loadFor(props);
  const viewer = await currentUser();
  const manager = canManage(viewer, plugin);
  const ownerView = viewer !== null && (viewer.role === "admin" || plugin.owner?.id === viewer.id);
  return (
    <div className="space-y-6">
      <PluginHeader plugin={plugin} selected={selected} />
      <People plugin={plugin} ownerView={ownerView} />
      <Tabs
        label="Plugin details"
        tabs={[
          { id: "readme", label: "README", content: <Readme html={selected.readmeHtml} /> },
          {
            id: "actions",
            label: "Actions",
            count: selected.actions.length,
            content: <ActionsList code={plugin.code} version={selected.version} actions={selected.actions} />,
          },
          {
            id: "versions",
            label: "Versions",
            count: plugin.versions.length,
            content: (
              <VersionsTable code={plugin.code} versions={plugin.versions} selected={selected.version} latest={plugin.latestVersion} canYank={manager} />
            ),
          },
          { id: "config", label: "Config", content: <ConfigView yaml={selected.configYaml} /> },
        ]}
      />
    </div>
  );
}
