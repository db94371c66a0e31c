import "server-only";
import { env } from "@/lib/env";

export type RayConfig = { address: string; serveUrl: string; token?: string };

/** The Ray cluster this hub may use, or null when RAY_ADDRESS is not set. */
export function rayConfig(): RayConfig | null {
  const { RAY_ADDRESS, RAY_SERVE_URL, RAY_AUTH_TOKEN } = env();
  if (!RAY_ADDRESS) return null;
  const address = RAY_ADDRESS.replace(/\/+$/, "");
  // Ray's Serve proxy listens on port 8000 of the head unless the cluster says otherwise.
  const serveUrl = (RAY_SERVE_URL ?? `${new URL(address).protocol}//${new URL(address).hostname}:8000`).replace(/\/+$/, "");
  return { address, serveUrl, token: RAY_AUTH_TOKEN };
}

/** The backend a launch uses when it names none. */
export function defaultBackend(): "local" | "ray" {
  return env().COMPUTE_BACKEND ?? (env().RAY_ADDRESS ? "ray" : "local");
}
