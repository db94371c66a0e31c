import "server-only";
import { env } from "./env";
import { seedExamplesOnce } from "./registry/seed-examples";
import { sweepTemp } from "./storage/blob-store";
import { startOrphanCollector } from "./storage/collect-orphans";
import { startReconciler } from "./runs/reconcile";
import { migrateQueue, startRunWorker } from "./runs/worker";
import { holdInstanceLock } from "./runs/instance";
import { startRayWatcher } from "./compute/ray/ray-watcher";
import { startDebugReleaseSweeper } from "./registry/clean-debug-releases";
import { startLocalPluginWatcher } from "./local-plugins/watch-dirs";
import { seedExampleProjectOnce } from "./projects/seed/seed-project";

export async function startup(): Promise<void> {
  const config = env();
  await sweepTemp().catch((error) => console.error("could not sweep temp uploads:", error));
  startOrphanCollector();
  startDebugReleaseSweeper();
  await migrateQueue();
  await holdInstanceLock();
  startReconciler();
  await startRunWorker();
  // Following Ray runs is worker's work too: any worker instance may take it over from a dead one.
  if (config.RUN_WORKER) startRayWatcher();
  startLocalPluginWatcher();
  if (config.SEED_EXAMPLES) {
    const seeded = await seedExamplesOnce();
    if (seeded.length) console.log(`Seeded example plugins: ${seeded.join(", ")}`);
    const project = await seedExampleProjectOnce();
    if (project) console.log(`Seeded example project ${project.id}: ${project.name}`);
  }
}
