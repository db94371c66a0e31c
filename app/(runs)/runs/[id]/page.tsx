import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunPageClient } from "@/components/runs/run-page-client";
import { requirePageReader } from "@/lib/auth/require-page-reader";
import { runIdParam } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Run" };

type Props = { params: Promise<{ id: string }> };

// The page is live: the browser loads the run and follows its events (lib/runs/client/use-run-live.ts).
export default async function RunPage({ params }: Props) {
  await requirePageReader();
  const parsed = runIdParam.safeParse(await params);
  if (!parsed.success) notFound();
  return <RunPageClient key={parsed.data.id} id={parsed.data.id} />;
}
