import { redirect } from "next/navigation";
import { CatalogClient } from "@/components/catalog/catalog-client";
import { HomeRuns } from "@/components/runs/home-runs";
import { currentUser } from "@/lib/auth/current-user";
import { requirePageReader } from "@/lib/auth/require-page-reader";
import { hasAdmin } from "@/lib/auth/setup-admin";
import { listPlugins } from "@/lib/registry/list-plugins";
import { listQuerySchema } from "@/lib/registry/schemas";
import { listRuns } from "@/lib/runs/list-runs";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CatalogPage({ searchParams }: Props) {
  // A fresh hub opens on its first-run setup.
  if (!(await hasAdmin())) redirect("/setup");
  await requirePageReader();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string"));
  const parsed = listQuerySchema.safeParse({ q: raw.q, category: raw.category, sort: raw.sort });
  const query = parsed.success ? parsed.data : listQuerySchema.parse({});
  // Signed-in people also get a glance at the runs (visitors cannot see runs).
  const user = await currentUser();
  const [firstPage, runsGlance] = await Promise.all([
    listPlugins({ ...query, cursor: undefined, facets: true }),
    user ? Promise.all([listRuns({ status: "running", limit: 5 }, user.id), listRuns({ status: "failed", limit: 5 }, user.id)]) : null,
  ]);
  return (
    <div className="space-y-8">
      {runsGlance && <HomeRuns initial={{ running: runsGlance[0], failed: runsGlance[1] }} />}
      <CatalogClient initialFilters={{ q: query.q, category: query.category, sort: query.sort }} initialPage={firstPage} />
    </div>
  );
}
