import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Fact, RayClusterCard, RunsLink } from "@/components/compute/ray-cluster-card";
import { currentUser } from "@/lib/auth/current-user";
import { signInFor } from "@/lib/auth/return-path";
import { computeView } from "@/lib/compute/compute-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compute" };

export default async function ComputePage() {
  if (!(await currentUser())) redirect(signInFor("/compute"));
  const view = await computeView();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Compute</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Where runs go. New runs use <strong>{view.defaultBackend === "ray" ? "the Ray cluster" : "this machine"}</strong> unless their launch picks another
          backend; the runs list and each run&apos;s page say which one ran it.
        </p>
      </header>
      <section aria-labelledby="local-title" className="space-y-3 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="local-title" className="text-lg font-semibold">
          This machine
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <Fact term="Runs at once">{view.local.worker ? view.local.concurrency : "none (RUN_WORKER is off on this instance)"}</Fact>
          <Fact term="Starting or running">{view.runs.local.active}</Fact>
          <Fact term="Queued">{view.runs.local.queued}</Fact>
        </dl>
        <RunsLink backend="local" />
      </section>
      {view.ray ? (
        <RayClusterCard cluster={view.ray} counts={view.runs.ray} />
      ) : (
        <section className="rounded-xl border border-dashed border-zinc-300 p-5 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          <h2 className="mb-1 font-semibold text-zinc-900 dark:text-zinc-100">No Ray cluster</h2>
          Set <code className="font-mono">RAY_ADDRESS</code> to a Ray dashboard&apos;s URL (e.g. <code className="font-mono">http://127.0.0.1:8265</code>) to
          run actions on a cluster (the README&apos;s Ray section says how).
        </section>
      )}
    </div>
  );
}
