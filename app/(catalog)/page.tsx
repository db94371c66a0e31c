import { redirect } from "next/navigation";
import { CatalogClient } from "@/components/catalog/catalog-client";
import { HomeRuns } from "@/components/runs/home-runs";
import { requirePageReader } from "@/lib/auth/require-page-reader";
import { hasAdmin } from "@/lib/auth/setup-admin";
import { listPlugins } from "@/lib/registry/list-plugins";
import { listQuerySchema } from "@/lib/registry/schemas";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CatalogPage({ searchParams }: Props) {
  // A fresh hub opens on its first-run setup.
  if (!(await hasAdmin())) redirect("/setup");
  await requirePageReader();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string"));
  const parsed = listQuerySchema.safeParse({ q: raw.q, category: raw.category, sort: raw.sort });
  const query = parsed.success ? parsed.data : listQuerySchema.parse({});
  const firstPage = await listPlugins({ ...query, cursor: undefined, facets: true });
  return (
    <div className="space-y-8">
      <HomeRuns />
      <CatalogClient initialFilters={{ q: query.q, category: query.category, sort: query.sort }} initialPage={firstPage} />
    </div>
  );
}
