import type { Metadata } from "next";
import { RunsListClient } from "@/components/runs/runs-list-client";
import { requirePageReader } from "@/lib/auth/require-page-reader";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage() {
  await requirePageReader();
  return <RunsListClient />;
}
