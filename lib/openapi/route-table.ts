import { AppError } from "@/lib/http/errors";
import type { RouteSpec } from "@/lib/http/route";
import { processSingleton } from "@/lib/process-singleton";

/** One operation the server routes: where clients call it, and its spec (from `route()`). */
export type RouteEntry = { method: string; path: string; file: string; spec?: RouteSpec };

// The HTTP server (server/) owns the routing table and hands it over here, so the OpenAPI document
// lists exactly the routes that are served, without a second list to keep in step.
const holder = processSingleton("api-route-table", () => ({ load: undefined as (() => Promise<RouteEntry[]>) | undefined }));

export function provideRouteTable(load: () => Promise<RouteEntry[]>): void {
  holder.load = load;
}

export async function routeTable(): Promise<RouteEntry[]> {
  if (!holder.load) throw new AppError("unavailable", "The route table is only known when the hub runs under its own server (npm start).");
  return holder.load();
}
