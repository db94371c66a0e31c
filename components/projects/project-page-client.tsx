"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Tabs } from "@/components/ui/tabs";
import { formatDate } from "@/lib/format";
import type { ItemPage, ProjectDetail } from "@/lib/projects/schemas";
import { AssignmentStatuses } from "./assignment-status";
import { GtVersions } from "./gt-versions";
import { ItemBrowser } from "./item-browser";
import { ProjectCounts } from "./project-counts";

const panel = "rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900";

export function ProjectPageClient({ project, firstTasks }: { project: ProjectDetail; firstTasks: ItemPage }) {
  const { counts } = project;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href="/projects" className="hover:underline">
          Projects
        </Link>
        <span aria-hidden> / </span>
        <span className="text-zinc-700 dark:text-zinc-300">{project.name}</span>
      </nav>
      <section className={`${panel} shadow-sm`}>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0 space-y-1">
            <h1 className="break-words text-2xl font-semibold tracking-tight">{project.name}</h1>
            {project.description && <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{project.description}</p>}
            <p className="font-mono text-xs text-zinc-500">
              project {project.id} · imported {formatDate(project.createdAt)}
            </p>
          </div>
          <Button href={`/projects/${project.id}/export`} className="shrink-0">
            Export…
          </Button>
        </div>
        <div className="mt-5">
          <ProjectCounts counts={counts} layout="grid" />
        </div>
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className={panel} aria-labelledby="gt-heading">
          <h2 id="gt-heading" className="mb-3 font-semibold">
            Ground-truth versions
          </h2>
          <GtVersions projectId={project.id} versions={project.groundTruthVersions} />
        </section>
        <section className={panel} aria-labelledby="status-heading">
          <h2 id="status-heading" className="mb-3 font-semibold">
            Assignment statuses
          </h2>
          <AssignmentStatuses statuses={project.assignmentStatuses} />
        </section>
      </div>
      <section aria-label="Items">
        <Tabs
          label="Items"
          tabs={[
            { id: "tasks", label: "Tasks", count: counts.tasks, content: <ItemBrowser projectId={project.id} kind="task" initialPage={firstTasks} /> },
            { id: "assignments", label: "Assignments", count: counts.assignments, content: <ItemBrowser projectId={project.id} kind="assignment" /> },
            {
              id: "ground-truth",
              label: "Ground truth",
              count: counts.groundTruthEvents,
              content: <ItemBrowser projectId={project.id} kind="ground_truth" versions={project.groundTruthVersions} />,
            },
          ]}
        />
      </section>
    </div>
  );
}
