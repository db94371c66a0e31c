import type { PluginDetail, PluginList } from "../../lib/registry/schemas";
import type { HubClient } from "../client";
import { print, table, type Output } from "../output";

/** `plugins [query] [--category c] [--limit n]`: searches the catalog. */
export async function plugins(client: HubClient, query: string | undefined, flags: { category?: string; limit?: string }, output: Output): Promise<void> {
  const params = new URLSearchParams({ limit: flags.limit ?? "50" });
  if (query) params.set("q", query);
  if (flags.category) params.set("category", flags.category);
  const page = await client.json<PluginList>(`/api/v1/plugins?${params}`);
  const rows = page.items.map((p) => [p.code, p.latestVersion ?? "(yanked)", p.category, p.name]);
  const human = rows.length ? table([["CODE", "LATEST", "CATEGORY", "NAME"], ...rows]) : ["No plugins match."];
  print(output, human, page);
}

/** `versions <code>`: every version, newest first. */
export async function versions(client: HubClient, code: string, output: Output): Promise<void> {
  const plugin = await client.json<PluginDetail>(`/api/v1/plugins/${encodeURIComponent(code)}`);
  const rows = plugin.versions.map((v) => [
    v.version + (v.version === plugin.latestVersion ? " (latest)" : "") + (v.debug ? " (debug)" : ""),
    v.createdAt.slice(0, 10),
    String(v.sizeBytes),
    v.sha256.slice(0, 12),
    v.yanked ? `yanked${v.yankReason ? `: ${v.yankReason}` : ""}` : "",
  ]);
  print(output, table([["VERSION", "PUBLISHED", "BYTES", "SHA256", ""], ...rows]), plugin.versions);
}
