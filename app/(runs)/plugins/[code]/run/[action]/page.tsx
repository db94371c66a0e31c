import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { LaunchHeader } from "@/components/runs/launch/launch-header";
import { LaunchForm } from "@/components/runs/launch/launch-form";
import { currentUser } from "@/lib/auth/current-user";
import { signInFor } from "@/lib/auth/return-path";
import { AppError } from "@/lib/http/errors";
import { getPluginOrThrow, getVersionOrThrow } from "@/lib/registry/get-plugin";
import { codeParam } from "@/lib/registry/schemas";
import { actionFormFields } from "@/lib/runs/formkit";
import { defaultBackend, rayConfig } from "@/lib/compute/ray/ray-config";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string; action: string }>; searchParams: Promise<{ version?: string | string[] }> };

// generateMetadata and the page both need the version: one lookup per request (React cache).
const load = cache(async (code: string, actionName: string, version: string | undefined) => {
  if (!(await currentUser())) redirect(signInFor(`/plugins/${code}/run/${actionName}${version ? `?version=${encodeURIComponent(version)}` : ""}`));
  if (!codeParam.safeParse(code).success) notFound();
  try {
    const plugin = await getPluginOrThrow(code);
    // A plugin with only debug releases has no latest: its newest debug release then.
    const selected = await getVersionOrThrow(code, version ?? plugin.latestVersion ?? plugin.versions[0]?.version ?? "latest");
    const action = selected.actions.find((a) => a.name === actionName);
    const raw = (selected.config.actions as Record<string, Record<string, unknown>> | undefined)?.[actionName];
    if (!action || !raw) return { plugin, selected, action: null, fields: [] };
    return { plugin, selected, action, fields: actionFormFields(raw) };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
});

async function loadFor({ params, searchParams }: Props) {
  const [{ code, action }, { version }] = await Promise.all([params, searchParams]);
  return load(code, action, typeof version === "string" ? version : undefined);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { plugin, action } = await loadFor(props);
  return { title: action ? `Run ${action.name} · ${plugin.name}` : plugin.name };
}

export default async function LaunchPage(props: Props) {
  const { plugin, selected, action, fields } = await loadFor(props);
  const versions = plugin.versions.filter((v) => !v.yanked || v.version === selected.version).map((v) => v.version);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <LaunchHeader plugin={plugin} selected={selected} action={action ?? { name: (await props.params).action }} versions={versions} />
      {action ? (
        <LaunchForm
          plugin={plugin.code}
          version={selected.version}
          action={action.name}
          fields={fields}
          backends={rayConfig() ? ["local", "ray"] : ["local"]}
          defaultBackend={defaultBackend()}
        />
      ) : (
        <p
          role="alert"
          className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
        >
          Version {selected.version} has no action with that name. Pick another version, or see the plugin&apos;s{" "}
          <Link href={`/plugins/${plugin.code}?version=${encodeURIComponent(selected.version)}`} className="underline">
            actions
          </Link>
          .
        </p>
      )}
    </div>
  );
}
