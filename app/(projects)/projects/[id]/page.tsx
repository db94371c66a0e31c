import type { Metadata } from "next";
import { loadProjectForPage } from "./load-project";
import { ProjectPageClient } from "@/components/projects/project-page-client";
import { ITEMS_PER_PAGE } from "@/components/projects/project-api";
import { listItems } from "@/lib/projects/list-items";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const load = (raw: string) => loadProjectForPage(raw, `/projects/${raw}`);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load((await params).id)).name };
}

export default async function ProjectPage({ params }: Props) {
  const project = await load((await params).id);
  // The first tab's first page comes with the page, so thumbnails start loading at once.
  const firstTasks = await listItems(project.id, { kind: "task", page: 1, limit: ITEMS_PER_PAGE });
  return <ProjectPageClient key={project.id} project={project} firstTasks={firstTasks} />;
}
