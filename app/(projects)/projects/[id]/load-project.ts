import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { currentUser } from "@/lib/auth/current-user";
import { signInFor } from "@/lib/auth/return-path";
import { AppError } from "@/lib/http/errors";
import { getProject } from "@/lib/projects/get-project";
import { projectIdParam } from "@/lib/projects/schemas";

/**
 * The project a page under /projects/{id} shows: sign-in first (back to `returnTo`), 404 for an id
 * that names nothing. Cached per request, as generateMetadata and the page both need it.
 */
export const loadProjectForPage = cache(async (raw: string, returnTo: string) => {
  if (!(await currentUser())) redirect(signInFor(returnTo));
  const parsed = projectIdParam.safeParse({ id: raw });
  if (!parsed.success) notFound();
  try {
    return await getProject(parsed.data.id);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
});
