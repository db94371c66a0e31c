// The Synapse SDK talks to its backend at the root (`/plugin_releases/`, `/plugins/{code}/`, always
// with a trailing slash). Those calls are served by app/api/synapse/**; a browser asking for a page
// at such a path (Accept: text/html) still gets the page.
const SYNAPSE_PATH =
  /^\/(plugin_releases|plugins|jobs|logs|async\/jobs|agents|sdk|projects|ground_truth_dataset_versions|storages|v2\/ground-truth-datasets)(\/[^?]*)?\/$/;
const PREFIX = "/api/synapse";

/** The API path that serves a Synapse call at `pathname`, or null when it is not one. */
export function synapseApiPath(method: string, accept: string, pathname: string): string | null {
  if (!SYNAPSE_PATH.test(pathname)) return null;
  if (method === "GET" && /text\/html/.test(accept)) return null;
  return `${PREFIX}${pathname.slice(0, -1)}`;
}

/** Where clients reach an API path: `/api/synapse/plugins/{code}` is served at `/plugins/{code}/`. */
export function publicPath(apiPath: string): string {
  return apiPath.startsWith(`${PREFIX}/`) ? `${apiPath.slice(PREFIX.length)}/` : apiPath;
}
