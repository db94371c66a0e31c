// Client-side access to the templates API: the zip's URL and "Publish now".
import type { PublishResult } from "@/lib/registry/schemas";
import type { TemplateInput } from "@/lib/templates/schemas";
import { fetchJson } from "./api-error";

export function templateZipUrl(input: TemplateInput): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) if (value !== undefined && value !== "") params.set(key, String(value));
  return `/api/v1/templates?${params}`;
}

export const publishTemplate = (input: TemplateInput) =>
  fetchJson<PublishResult>("/api/v1/templates/publish", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) });
