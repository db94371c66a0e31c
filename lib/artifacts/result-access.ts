import "server-only";
import { requirePrincipal } from "@/lib/auth/principal";
import { AppError } from "@/lib/http/errors";
import { readShareToken } from "./share-token";

/**
 * Who may read a run's result: anyone signed in (or with a token), as for the run itself, or anyone
 * with a live share link for this very run (`?share=`).
 */
export async function requireResultReader(req: Request, runId: string, share: string | undefined): Promise<void> {
  if (share) {
    if (readShareToken(share).runId !== runId) throw new AppError("share_invalid", "This share link is for another run.");
    return;
  }
  await requirePrincipal(req);
}
