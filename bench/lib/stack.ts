// A fresh hub for a benchmark: embedded Postgres and data under bench/.out/<name>, production build.
import { rmSync } from "node:fs";
import path from "node:path";
import { ensureBuild } from "../../scripts/lib/build";
import { startHub, type HubProcess } from "../../scripts/lib/hub-process";
import { migrate } from "../../scripts/lib/migrate";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "../../scripts/lib/postgres";

export type BenchStack = { hub: HubProcess; database: RunningPostgres; dataDir: string; stop: () => Promise<void> };

export async function benchDatabase(name: string): Promise<{ database: RunningPostgres; root: string }> {
  ensureBuild();
  const root = path.resolve("bench/.out", name);
  rmSync(root, { recursive: true, force: true });
  const database = await startEmbeddedPostgres(path.join(root, "db"));
  migrate(database.url);
  return { database, root };
}

export async function benchHub(database: RunningPostgres, root: string): Promise<BenchStack> {
  const dataDir = path.join(root, "data");
  const hub = await startHub({
    host: "127.0.0.1",
    port: await freePort(),
    quiet: true,
    env: { DATABASE_URL: database.url, DATA_DIR: dataDir, SEED_EXAMPLES: "false", NODE_ENV: "production" },
  });
  return {
    hub,
    database,
    dataDir,
    async stop() {
      await hub.stop();
      await database.stop();
    },
  };
}
