import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getSessionUser, type SessionUser } from "./session";

/** The signed-in person for the page being rendered; looked up once per request, however many
 *  components (header, page, access checks) ask. */
export const currentUser = cache(async (): Promise<SessionUser | null> => getSessionUser(await headers()));
