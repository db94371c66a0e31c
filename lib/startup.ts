import "server-only";
import { env } from "./env";
import { seedExamplesOnce } from "./registry/seed-examples";
import { sweepTemp } from "./storage/blob-store";
import { startOrphanCollector } from "./storage/collect-orphans";
import { startReconciler } from "./runs/reconcile";
import { migrateQueue, startRunWorker } from "./runs/worker";

export async function startup(): Promise<void> {
  const config = env();
  await sweepTemp().catch((error) => console.error("could not sweep temp uploads:", error));
  startOrphanCollector();
  await migrateQueue();
  startReconciler();
  await startRunWorker();
  if (config.SEED_EXAMPLES) {
    const seeded = await seedExamplesOnce();
    if (seeded.length) console.log(`Seeded example plugins: ${seeded.join(", ")}`);
  }
}
