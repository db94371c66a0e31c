import type { Metadata } from "next";
import { loadProjectForPage } from "../load-project";
import Link from "next/link";
import { ExportForm } from "@/components/projects/export-form";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import { listExportChoices } from "@/lib/projects/export-choices";
import { EXPORT_TARGETS, type ExportTarget } from "@/lib/projects/schemas";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ target?: string | string[]; version?: string | string[] }> };

const load = (raw: string) => loadProjectForPage(raw, `/projects/${raw}/export`);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Export · ${(await load((await params).id)).name}` };
}

export default async function ExportPage({ params, searchParams }: Props) {
  const [project, query, choices] = await Promise.all([load((await params).id), searchParams, listExportChoices()]);
  // A link may preselect the target and the ground-truth version (the versions list does).
  const target = (EXPORT_TARGETS as readonly string[]).includes(String(query.target)) ? (query.target as ExportTarget) : "assignment";
  const version = project.groundTruthVersions.find((v) => String(v.id) === query.version)?.id ?? null;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href="/projects" className="hover:underline">
          Projects
        </Link>
        <span aria-hidden> / </span>
        <Link href={`/projects/${project.id}`} className="hover:underline">
          {project.name}
        </Link>
        <span aria-hidden> / </span>
        <span className="text-zinc-700 dark:text-zinc-300">Export</span>
      </nav>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Export {project.name}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Runs an export plugin on this project; its files are the run&apos;s result, to download from the run&apos;s page.
        </p>
      </div>
      {choices.length ? (
        <ExportForm project={project} choices={choices} initialTarget={target} initialVersion={version} />
      ) : (
        <EmptyState title="No export plugins" detail="Publish a plugin of category export (or a debug release of one) and it shows here.">
          <div className="flex gap-2">
            <Button href="/?category=export" variant="secondary">
              Export plugins in the catalog
            </Button>
            <Button href="/publish">Publish a plugin</Button>
          </div>
        </EmptyState>
      )}
    </div>
  );
}
