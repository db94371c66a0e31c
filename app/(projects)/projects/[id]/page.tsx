import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { ProjectPageClient } from "@/components/projects/project-page-client";
import { ITEMS_PER_PAGE } from "@/components/projects/project-api";
import { currentUser } from "@/lib/auth/current-user";
import { signInFor } from "@/lib/auth/return-path";
import { AppError } from "@/lib/http/errors";
import { getProject } from "@/lib/projects/get-project";
import { listItems } from "@/lib/projects/list-items";
import { projectIdParam } from "@/lib/projects/schemas";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// generateMetadata and the page both need the project: one lookup per request (React cache).
const load = cache(async (raw: string) => {
  if (!(await currentUser())) redirect(signInFor(`/projects/${raw}`));
  const parsed = projectIdParam.safeParse({ id: raw });
  if (!parsed.success) notFound();
  try {
    return await getProject(parsed.data.id);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load((await params).id)).name };
}

export default async function ProjectPage({ params }: Props) {
  const project = await load((await params).id);
  // The first tab's first page comes with the page, so thumbnails start loading at once.
  const firstTasks = await listItems(project.id, { kind: "task", page: 1, limit: ITEMS_PER_PAGE });
  return <ProjectPageClient key={project.id} project={project} firstTasks={firstTasks} />;
}
