import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSettings } from "@/lib/settings/hub-settings";
import { getSessionUser } from "./session";

/** Pages of the catalog: visitors must sign in first when the admin turned public read off. */
export async function requirePageReader(): Promise<void> {
  if (!(await getSettings()).publicRead && !(await getSessionUser(await headers()))) redirect("/sign-in");
}
