import "server-only";
import { getSettings } from "@/lib/settings/hub-settings";
import { requirePrincipal } from "./principal";

/** Reads are open to everyone while the admin allows public read; otherwise they need an account. */
export async function requireReader(req: Request): Promise<void> {
  if (!(await getSettings()).publicRead) await requirePrincipal(req, { scope: "read" });
}
