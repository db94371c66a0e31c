import Link from "next/link";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatBytes } from "@/lib/format";
import type { RayCluster } from "@/lib/compute/schemas";

/** The Ray cluster as it answered this page: reachable or why not, its version, capacity and nodes. */
export function RayClusterCard({ cluster, counts }: { cluster: RayCluster; counts: { queued: number; active: number } }) {
  return (
    <section aria-labelledby="ray-title" className="space-y-4 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="ray-title" className="text-lg font-semibold">
          Ray cluster
        </h2>
        <span
          className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${
            cluster.reachable
              ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
              : "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300"
          }`}
        >
          <span aria-hidden className={`size-1.5 rounded-full ${cluster.reachable ? "bg-emerald-500" : "bg-red-500"}`} />
          {cluster.reachable ? "Reachable" : "Unreachable"}
        </span>
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <Fact term="Dashboard">{cluster.address}</Fact>
        <Fact term="Serve proxy">{cluster.serveUrl}</Fact>
        <Fact term="Ray version">{cluster.version ?? "—"}</Fact>
        <Fact term="Runs">
          {counts.active} starting or running, {counts.queued} queued
        </Fact>
      </dl>
      <RunsLink backend="ray" />
      {cluster.error && (
        <p
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
        >
          {cluster.error} Runs sent to Ray wait queued and are tried again; they fail once the cluster stays away longer than the hub allows.
        </p>
      )}
      {cluster.reachable && (
        <div className="grid gap-4 sm:grid-cols-3">
          <Capacity label="CPUs" resource={cluster.cpus} format={(n) => String(n)} />
          <Capacity label="GPUs" resource={cluster.gpus} format={(n) => String(n)} />
          <Capacity label="Memory" resource={cluster.memoryBytes} format={formatBytes} />
        </div>
      )}
      {cluster.nodes.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Nodes</caption>
            <thead className="text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
              <tr>
                <th className="py-2 pr-4 font-medium">Node</th>
                <th className="py-2 pr-4 font-medium">State</th>
                <th className="py-2 pr-4 text-right font-medium">CPUs</th>
                <th className="py-2 pr-4 text-right font-medium">GPUs</th>
                <th className="py-2 text-right font-medium">Memory</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {cluster.nodes.map((node) => (
                <tr key={node.id}>
                  <td className="py-2 pr-4 font-mono text-xs">
                    {node.ip ?? node.id.slice(0, 12)}
                    {node.head && <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 font-sans text-xs dark:bg-zinc-800">head</span>}
                  </td>
                  <td className="py-2 pr-4">{node.alive ? "alive" : "dead"}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{node.cpus}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{node.gpus}</td>
                  <td className="py-2 text-right tabular-nums">{formatBytes(node.memoryBytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Capacity({ label, resource, format }: { label: string; resource: { used: number; total: number } | null; format: (n: number) => string }) {
  if (!resource || resource.total === 0) {
    return (
      <div className="text-sm">
        <div className="text-xs text-zinc-600 dark:text-zinc-400">{label}</div>
        <div className="mt-1 text-zinc-500">none</div>
      </div>
    );
  }
  return (
    <ProgressBar label={`${label} in use`} detail={`${format(resource.used)} of ${format(resource.total)}`} percent={(resource.used / resource.total) * 100} />
  );
}

export function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{term}</dt>
      <dd className="truncate">{children}</dd>
    </div>
  );
}

/** The runs list filtered to one backend. */
export function RunsLink({ backend }: { backend: "local" | "ray" }) {
  return (
    <Link href={`/runs?backend=${backend}`} className="inline-block text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
      {backend === "ray" ? "Runs on the cluster" : "Runs on this machine"} →
    </Link>
  );
}
