import type { PluginDetail } from "@/lib/registry/schemas";
import { MaintainerControls } from "./maintainer-controls";

/** Owner and maintainers; the owner (and admins) can add and remove maintainers here. */
export function People({ plugin, ownerView }: { plugin: PluginDetail; ownerView: boolean }) {
  return (
    <section aria-labelledby="people-heading" className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="people-heading" className="text-sm font-semibold uppercase tracking-wide text-zinc-500">
        People
      </h2>
      <dl className="mt-3 space-y-3 text-sm">
        <div>
          <dt className="text-zinc-500">Owner</dt>
          <dd data-testid="owner">{plugin.owner?.name ?? "This hub (seeded example; admins manage it)"}</dd>
        </div>
        <div>
          <dt className="text-zinc-500">Maintainers</dt>
          <dd>
            <MaintainerControls code={plugin.code} maintainers={plugin.maintainers} editable={ownerView} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
