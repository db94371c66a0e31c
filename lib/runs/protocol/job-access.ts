import "server-only";
import { requirePrincipal } from "@/lib/auth/principal";
import { AppError } from "@/lib/http/errors";
import { runTokenRun } from "../run-token";

/**
 * Who may use a run's Synapse job calls. Reports (PATCH, logs) need that run's own token: the plugin
 * process is the only reporter. Reads also take any account (a person watching with a CLI).
 */
export async function requireJobAccess(req: Request, runId: string, mode: "report" | "read"): Promise<void> {
  const tokenRun = await runTokenRun(req);
  if (tokenRun !== null) {
    if (tokenRun !== runId) throw new AppError("forbidden", "This run token reports for another run.");
    return;
  }
  if (mode === "report") throw new AppError("forbidden", "Only the run's own token may report for it.");
  await requirePrincipal(req);
}
