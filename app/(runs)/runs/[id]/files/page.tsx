import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { RunFilesPage } from "@/components/artifacts/run-files-page";
import { ErrorState } from "@/components/ui/states";
import { readShareToken } from "@/lib/artifacts/share-token";
import { currentUser } from "@/lib/auth/current-user";
import { signInFor } from "@/lib/auth/return-path";
import { AppError } from "@/lib/http/errors";
import { getRun } from "@/lib/runs/get-run";
import { runIdParam } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ share?: string | string[] }> };

/** Who may see the page: a signed-in person, or anyone holding a live share link for this run. */
const load = cache(async (id: string, share: string | undefined) => {
  if (!runIdParam.safeParse({ id }).success) notFound();
  if (share) {
    try {
      if (readShareToken(share).runId !== id) return { problem: "This share link is for another run." } as const;
    } catch (error) {
      if (error instanceof AppError) return { problem: error.message } as const;
      throw error;
    }
  } else if (!(await currentUser())) redirect(signInFor(`/runs/${id}/files`));
  try {
    return { run: await getRun(id) } as const;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
});

const shareOf = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : undefined);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const loaded = await load((await params).id, shareOf((await searchParams).share));
  return { title: loaded.run ? `Files · ${loaded.run.plugin} · ${loaded.run.action}` : "Shared files", robots: { index: false } };
}

export default async function FilesPage({ params, searchParams }: Props) {
  const share = shareOf((await searchParams).share);
  const loaded = await load((await params).id, share);
  if (!loaded.run) return <ErrorState title="This link does not open these files" detail={`${loaded.problem} Ask whoever sent it for a new one.`} />;
  const { run } = loaded;
  // A share viewer gets only what the result needs: no params, no log, no one's name.
  return (
    <RunFilesPage
      run={{ id: run.id, plugin: run.plugin, version: run.version, action: run.action, status: run.status, finishedAt: run.finishedAt }}
      share={share}
    />
  );
}
