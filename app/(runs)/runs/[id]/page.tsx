import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { RunPageClient } from "@/components/runs/run-page-client";
import { currentUser } from "@/lib/auth/current-user";
import { signInFor } from "@/lib/auth/return-path";
import { AppError } from "@/lib/http/errors";
import { getRun } from "@/lib/runs/get-run";
import { runIdParam } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// generateMetadata and the page both need the run: one lookup per request (React cache).
const load = cache(async (id: string) => {
  // Runs are for signed-in people (the runs API answers no one else).
  if (!(await currentUser())) redirect(signInFor(`/runs/${id}`));
  if (!runIdParam.safeParse({ id }).success) notFound();
  try {
    return await getRun(id);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const run = await load((await params).id);
  return { title: `${run.plugin} · ${run.action}` };
}

// The first paint shows the run as it is now; the browser then follows its events (lib/runs/client/use-run-live.ts).
export default async function RunPage({ params }: Props) {
  const run = await load((await params).id);
  return <RunPageClient key={run.id} initialRun={run} />;
}
