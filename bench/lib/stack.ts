// A fresh hub for a benchmark under bench/.out/<name>, from the production build, not seeded.
import path from "node:path";
import { ensureBuild } from "../../scripts/lib/build";
import { startThrowawayHub, type ThrowawayHub } from "../../scripts/lib/throwaway-hub";

export function benchHub(name: string, beforeStart?: (databaseUrl: string) => Promise<void>, env: Record<string, string> = {}): Promise<ThrowawayHub> {
  ensureBuild();
  return startThrowawayHub(path.resolve("bench/.out", name), { env: { SEED_EXAMPLES: "false", ...env }, beforeStart });
}
