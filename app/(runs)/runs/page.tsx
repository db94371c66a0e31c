import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RunsListClient } from "@/components/runs/runs-list-client";
import { currentUser } from "@/lib/auth/current-user";
import { signInFor } from "@/lib/auth/return-path";
import { listRuns } from "@/lib/runs/list-runs";
import { parseRunFilters, runListQuery } from "@/lib/runs/client/run-filters";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Runs" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RunsPage({ searchParams }: Props) {
  // Runs are for signed-in people (the runs API answers no one else).
  const user = await currentUser();
  if (!user) redirect(signInFor("/runs"));
  const raw = Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  const filters = parseRunFilters(new URLSearchParams(raw));
  const firstPage = await listRuns(runListQuery(filters), user.id);
  return <RunsListClient initialFilters={filters} initialPage={firstPage} />;
}
