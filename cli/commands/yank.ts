import type { VersionSummary } from "../../lib/registry/schemas";
import type { HubClient } from "../client";
import { print, type Output } from "../output";
import { parseRef } from "./ref";

/** `yank <code>@<version> [--reason r] [--undo]`: hides a version from "latest" (or restores it). */
export async function yank(client: HubClient, ref: string, flags: { reason?: string; undo?: boolean }, output: Output): Promise<void> {
  const { code, version } = parseRef(ref);
  const result = await client.json<VersionSummary>(`/api/v1/plugins/${code}/versions/${encodeURIComponent(version)}/yank`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ yanked: !flags.undo, reason: flags.reason }),
  });
  print(output, `${flags.undo ? "Restored" : "Yanked"} ${code}@${version}.`, result);
}
