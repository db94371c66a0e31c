import "server-only";
import { redirect } from "next/navigation";
import { getSettings } from "@/lib/settings/hub-settings";
import { currentUser } from "./current-user";

/** Pages of the catalog: visitors must sign in first when the admin turned public read off. */
export async function requirePageReader(): Promise<void> {
  if (!(await getSettings()).publicRead && !(await currentUser())) redirect("/sign-in");
}
