// The browser's access to a run's result: query keys, fetchers and the URLs a page links to. Every
// URL carries the share token when the page was opened through a share link (no session then).
import { fetchJson } from "@/lib/api/api-error";
import type { ArtifactList, ShareDto } from "@/lib/artifacts/schemas";

export const artifactKeys = {
  list: (runId: string, share?: string) => ["artifacts", runId, share ?? null] as const,
};

const withShare = (url: string, share?: string) => (share ? `${url}?share=${encodeURIComponent(share)}` : url);

/** A file's URL: each path segment encoded on its own, so `/` stays a separator. */
export const artifactUrl = (runId: string, path: string, share?: string) =>
  withShare(`/api/v1/runs/${runId}/artifacts/${path.split("/").map(encodeURIComponent).join("/")}`, share);

export const archiveUrl = (runId: string, share?: string) => withShare(`/api/v1/runs/${runId}/archive`, share);

export const fetchArtifacts = (runId: string, share?: string) => fetchJson<ArtifactList>(withShare(`/api/v1/runs/${runId}/artifacts`, share));

export const createShare = (runId: string, expiresInSeconds: number) =>
  fetchJson<ShareDto>(`/api/v1/runs/${runId}/share`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ expiresInSeconds }),
  });

/** The page a share link opens: the files, previews and downloads, with no account. */
export const sharedPageUrl = (origin: string, runId: string, token: string) => `${origin}/runs/${runId}/files?share=${encodeURIComponent(token)}`;
