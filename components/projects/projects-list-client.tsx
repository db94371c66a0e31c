"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import { formatDate } from "@/lib/format";
import type { ProjectList } from "@/lib/projects/schemas";
import { ImportFormat } from "./import-format";
import { ImportProject } from "./import-project";
import { fetchProjects, projectKeys } from "./project-api";
import { ProjectCounts } from "./project-counts";

export function ProjectsListClient({ initialList, maxBytes }: { initialList: ProjectList; maxBytes: number }) {
  const query = useQuery({ queryKey: projectKeys.list, queryFn: fetchProjects, initialData: initialList, staleTime: 30_000 });
  const projects = query.data.items;
  const [importing, setImporting] = useState(false);
  const showImport = importing || projects.length === 0;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Projects</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Annotated data to export from: tasks, assignments and ground-truth versions.</p>
        </div>
        {projects.length > 0 && (
          <Button
            variant={importing ? "secondary" : "primary"}
            aria-expanded={importing}
            aria-controls="import-project"
            onClick={() => setImporting(!importing)}
          >
            {importing ? "Close import" : "Import a project"}
          </Button>
        )}
      </div>
      {showImport && (
        <section id="import-project" aria-labelledby="import-heading" className="space-y-3">
          {projects.length === 0 ? (
            <div className="space-y-1">
              <h2 id="import-heading" className="text-lg font-semibold">
                No projects yet
              </h2>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                Import one from a .zip or a .jsonl: every line is checked, and the project is imported all or nothing.
              </p>
            </div>
          ) : (
            <h2 id="import-heading" className="text-lg font-semibold">
              Import a project
            </h2>
          )}
          <ImportProject maxBytes={maxBytes} />
          <ImportFormat />
        </section>
      )}
      {query.isError && <ErrorState title="The projects could not be loaded" detail={query.error.message} onRetry={() => query.refetch()} />}
      {projects.length > 0 && (
        <ul className="grid gap-4 md:grid-cols-2" aria-label="Projects">
          {projects.map((project) => (
            <li
              key={project.id}
              data-project-id={project.id}
              className="relative rounded-xl border border-zinc-200 bg-white p-5 shadow-sm transition-colors focus-within:ring-2 focus-within:ring-brand-500 hover:border-brand-300 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-brand-700"
            >
              <div className="flex items-baseline justify-between gap-3">
                {/* The link covers the whole card (after:absolute), so the card is one click target. */}
                <Link
                  href={`/projects/${project.id}`}
                  className="min-w-0 truncate text-lg font-semibold outline-none after:absolute after:inset-0 hover:underline"
                >
                  {project.name}
                </Link>
                <span className="shrink-0 font-mono text-xs text-zinc-500">#{project.id}</span>
              </div>
              {project.description && <p className="mt-1 line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">{project.description}</p>}
              <div className="mt-3">
                <ProjectCounts counts={project.counts} />
              </div>
              <p className="mt-2 text-xs text-zinc-500">Imported {formatDate(project.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
      {query.data.nextCursor !== null && <p className="text-center text-sm text-zinc-500">The newest {projects.length} projects are shown.</p>}
    </div>
  );
}
