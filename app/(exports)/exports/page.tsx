import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { signInFor } from "@/lib/auth/return-path";
import { listExports } from "@/lib/exports/list-exports";
import { exportListQuery } from "@/lib/exports/schemas";
import { RUN_STATUSES, type RunStatus } from "@/lib/runs/schemas";
import { ExportsClient } from "./exports-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Exports" };

type Props = { searchParams: Promise<{ status?: string | string[] }> };

export default async function ExportsPage({ searchParams }: Props) {
  // Exports are runs, and runs are for signed-in people.
  if (!(await currentUser())) redirect(signInFor("/exports"));
  const raw = (await searchParams).status;
  const status = (RUN_STATUSES as readonly string[]).includes(raw as string) ? (raw as RunStatus) : undefined;
  const firstPage = await listExports(exportListQuery.parse({ status }));
  return <ExportsClient initialStatus={status} initialPage={firstPage} />;
}
