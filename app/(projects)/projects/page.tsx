import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ProjectsListClient } from "@/components/projects/projects-list-client";
import { PROJECT_LIST_LIMIT } from "@/components/projects/project-api";
import { currentUser } from "@/lib/auth/current-user";
import { signInFor } from "@/lib/auth/return-path";
import { env } from "@/lib/env";
import { listProjects } from "@/lib/projects/get-project";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  // Projects are for signed-in people (the projects API answers no one else).
  if (!(await currentUser())) redirect(signInFor("/projects"));
  const list = await listProjects({ limit: PROJECT_LIST_LIMIT });
  return <ProjectsListClient initialList={list} maxBytes={env().ARCHIVE_MAX_BYTES} />;
}
